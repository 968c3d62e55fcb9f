/** @module The main area's content: the view chosen in the tabs, as the tab panel they control. */
import { useView } from '../../hooks/useView.ts'
import { BoardView } from '../board/BoardView.tsx'
import { OkrTreeView } from '../okr/OkrTreeView.tsx'
import { RadarView } from '../stall/RadarView.tsx'
import { PANEL_ID, tabId } from './ViewTabs.tsx'

function Current() {
  const { view } = useView()
  switch (view) {
    case 'board':
      return <BoardView />
    case 'tree':
      return <OkrTreeView />
    case 'radar':
      return <RadarView />
  }
}

export function ActiveView() {
  const { view } = useView()
  return (
    <div className="shell__view" id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(view)}>
      <Current />
    </div>
  )
}
