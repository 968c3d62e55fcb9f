/**
 * @module The top bar: workspace and views on the left, connection, people, history and sharing
 * on the right; the cycle and filters on a second row. Both rows wrap on narrow screens.
 */
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { ConnectionBadge } from './ConnectionBadge.tsx'
import { CyclePicker } from '../cycle/index.ts'
import { FilterBar } from './FilterBar.tsx'
import { PaletteButton } from '../palette/index.ts'
import { PresenceAvatars } from './PresenceAvatars.tsx'
import { ShareButton } from '../share/index.ts'
import { navigate, ThemeToggle } from '../../app/index.ts'
import { UndoRedo } from './UndoRedo.tsx'
import { ViewTabs } from './ViewTabs.tsx'
import { Logo } from '../../ui/Logo.tsx'
import './shell.css'

export function TopBar() {
  const { name, canEdit, role } = useWorkspace()
  return (
    <header className="topbar">
      <div className="topbar__row">
        <a
          className="topbar__home"
          href="/"
          aria-label="Roundtable home"
          onClick={(event) => {
            event.preventDefault()
            navigate('/')
          }}
        >
          <Logo />
        </a>
        <h1 className="topbar__name" title={`${name} (${role})`}>
          {name}
        </h1>
        <ViewTabs />
        <div className="topbar__end">
          <PaletteButton />
          <ConnectionBadge />
          <PresenceAvatars />
          {canEdit && <UndoRedo />}
          <ThemeToggle />
          <ShareButton />
        </div>
      </div>
      <div className="topbar__row topbar__row--tools">
        <CyclePicker />
        <span className="topbar__divider" aria-hidden="true" />
        <FilterBar />
      </div>
    </header>
  )
}
