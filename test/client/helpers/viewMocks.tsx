/**
 * Stand-ins for the feature views, so shell tests do not depend on the board's or the tree's
 * internals. Use from a test file with:
 *   vi.mock('../../../client/features/board/BoardView.tsx', () => import('./viewMocks.tsx').then((m) => m.boardModule))
 */
import { useView } from '../../../client/hooks/useView.ts'

export const boardModule = { BoardView: () => <p>Board view</p> }
export const treeModule = { OkrTreeView: () => <p>OKR tree view</p> }
export const radarModule = { RadarView: () => <p>Radar view</p> }
export const panelModule = {
  KeyResultPanel: () => {
    const { keyResultId } = useView()
    return keyResultId ? <aside aria-label="Key result">{keyResultId}</aside> : null
  },
}
