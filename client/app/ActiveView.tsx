/** @module The main area's content: the view chosen in the tabs, as the tab panel they control. */
import { Suspense, lazy } from 'react'
import { useView } from '../hooks/useView.ts'
import { BoardView } from '../features/board/BoardView.tsx'
import { PANEL_ID, hasTab, tabId } from '../features/shell/index.ts'

// The board is what a link opens; the tree, the radar and the meetings load when first asked for.
const OkrTreeView = lazy(() => import('../features/okr/OkrTreeView.tsx').then((m) => ({ default: m.OkrTreeView })))
const RadarView = lazy(() => import('../features/stall/RadarView.tsx').then((m) => ({ default: m.RadarView })))
const MeetingsView = lazy(() => import('../features/minutes/MeetingsView.tsx').then((m) => ({ default: m.MeetingsView })))
const ActivityView = lazy(() => import('../features/activity/ActivityView.tsx').then((m) => ({ default: m.ActivityView })))
const PersonPage = lazy(() => import('../features/people/PersonPage.tsx').then((m) => ({ default: m.PersonPage })))
const InsightsView = lazy(() => import('../features/insights/InsightsView.tsx').then((m) => ({ default: m.InsightsView })))
const HistoryView = lazy(() => import('../features/history/HistoryView.tsx').then((m) => ({ default: m.HistoryView })))
// What the history view shows over a checkpoint's state: the same views, read-only.
const PAST_VIEWS = { board: BoardView, okrs: OkrTreeView }

function Current() {
  const { view } = useView()
  switch (view) {
    case 'board':
      return <BoardView />
    case 'tree':
      return <OkrTreeView />
    case 'radar':
      return <RadarView />
    case 'insights':
      return <InsightsView />
    case 'meetings':
      return <MeetingsView />
    case 'activity':
      return <ActivityView />
    case 'person':
      return <PersonPage />
    case 'history':
      return <HistoryView views={PAST_VIEWS} />
  }
}

export function ActiveView() {
  const { view } = useView()
  // The activity and a person's page have no tab: the page's own heading names it.
  const tabbed = hasTab(view)
  return (
    <div className="shell__view" id={PANEL_ID} role={tabbed ? 'tabpanel' : undefined} aria-labelledby={tabbed ? tabId(view) : undefined}>
      <Suspense fallback={<p role="status">Loading…</p>}>
        <Current />
      </Suspense>
    </div>
  )
}
