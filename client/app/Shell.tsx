/** @module The workspace screen: top bar, banners, the active view and the key-result or conversation panel beside it. */
import { lazy, Suspense } from 'react'
import { ThreadPanel } from '../features/comments/index.ts'
import { MeetingLayer } from '../features/meeting/index.ts'
import { KeyboardOverlays, SkipLink } from '../features/palette/index.ts'
import { PANEL_ID, ReadOnlyBanner, TopBar, useUndoShortcuts } from '../features/shell/index.ts'
import { useView } from '../hooks/useView.ts'
import { useWorkspace } from '../hooks/useWorkspace.ts'
import { ActiveView } from './ActiveView.tsx'
import './shell.css'

// Loaded the first time someone opens a key result.
const KeyResultPanel = lazy(() => import('../features/krpanel/KeyResultPanel.tsx').then((m) => ({ default: m.KeyResultPanel })))

export function Shell() {
  const { undo, canEdit } = useWorkspace()
  const { keyResultId, thread } = useView()
  useUndoShortcuts(undo, canEdit)
  return (
    <div className="shell">
      <SkipLink targetId={PANEL_ID} />
      <TopBar />
      <ReadOnlyBanner />
      <main className="shell__body">
        <ActiveView />
        {keyResultId !== null && (
          <Suspense fallback={null}>
            <KeyResultPanel />
          </Suspense>
        )}
        {thread !== null && <ThreadPanel />}
        <MeetingLayer />
      </main>
      <KeyboardOverlays />
    </div>
  )
}
