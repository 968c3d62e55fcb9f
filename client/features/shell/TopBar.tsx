/**
 * @module The top bar: workspace and views on the left, connection, people, history and sharing
 * on the right; the cycle and filters on a second row. On a phone (PHONE_QUERY) the bar keeps the
 * name, the connection and the view tabs, and the rest moves into "More".
 */
import { PHONE_QUERY, useMediaQuery } from '../../hooks/useMediaQuery.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { ActivityLink } from './ActivityLink.tsx'
import { ConnectionBadge } from './ConnectionBadge.tsx'
import { CyclePicker } from '../cycle/index.ts'
import { FilterBar } from './FilterBar.tsx'
import { InboxButton } from '../inbox/index.ts'
import { MoreMenu } from './MoreMenu.tsx'
import { MeetingTopBar } from '../meeting/index.ts'
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
  const phone = useMediaQuery(PHONE_QUERY)
  const tools = (
    <>
      <CyclePicker />
      <span className="topbar__divider" aria-hidden="true" />
      <FilterBar />
    </>
  )
  return (
    <header className={`topbar${phone ? ' topbar--phone' : ''}`}>
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
          {phone ? (
            <>
              <MeetingTopBar compact />
              <InboxButton />
              <ConnectionBadge />
              <MoreMenu>
                <div className="topbar__row">
                  <PresenceAvatars />
                  {canEdit && <UndoRedo />}
                  <ThemeToggle />
                  <ShareButton />
                  <PaletteButton />
                  <ActivityLink labelled />
                </div>
                <div className="topbar__row topbar__row--tools">{tools}</div>
              </MoreMenu>
            </>
          ) : (
            <>
              <MeetingTopBar />
              <InboxButton />
              <PaletteButton />
              <ConnectionBadge />
              <PresenceAvatars />
              {canEdit && <UndoRedo />}
              <ActivityLink />
              <ThemeToggle />
              <ShareButton />
            </>
          )}
        </div>
      </div>
      {!phone && <div className="topbar__row topbar__row--tools">{tools}</div>}
    </header>
  )
}
