/** @module The workspace screen: top bar, banners, the active view and the key-result panel beside it. */
import { useUndoShortcuts } from './useUndoShortcuts.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { KeyResultPanel } from '../krpanel/KeyResultPanel.tsx'
import { ActiveView } from './ActiveView.tsx'
import { ReadOnlyBanner } from './ReadOnlyBanner.tsx'
import { TopBar } from './TopBar.tsx'
import './shell.css'

export function Shell() {
  const { undo, canEdit } = useWorkspace()
  useUndoShortcuts(undo, canEdit)
  return (
    <div className="shell">
      <TopBar />
      <ReadOnlyBanner />
      <main className="shell__body">
        <ActiveView />
        <KeyResultPanel />
      </main>
    </div>
  )
}
