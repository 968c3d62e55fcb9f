/** @module The main area's content: the view chosen in the tabs, as the tab panel they control. */
import { Suspense, lazy } from 'react'
import { useView } from '../hooks/useView.ts'
import { BoardView } from '../features/board/BoardView.tsx'
import { PANEL_ID, tabId } from '../features/shell/index.ts'

// The board is what a link opens; the tree, the radar and the meetings load when first asked for.
const OkrTreeView = lazy(() => import('../features/okr/OkrTreeView.tsx').then((m) => ({ default: m.OkrTreeView })))
const RadarView = lazy(() => import('../features/stall/RadarView.tsx').then((m) => ({ default: m.RadarView })))
const MeetingsView = lazy(() => import('../features/minutes/MeetingsView.tsx').then((m) => ({ default: m.MeetingsView })))

function Current() {
  const { view } = useView()
  switch (view) {
    case 'board':
      return <BoardView />
    case 'tree':
      return <OkrTreeView />
    case 'radar':
      return <RadarView />
    case 'meetings':
      return <MeetingsView />
  }
}

export function ActiveView() {
  const { view } = useView()
  return (
    <div className="shell__view" id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(view)}>
      <Suspense fallback={<p role="status">Loading…</p>}>
        <Current />
      </Suspense>
    </div>
  )
}
