/** @module The history view: the list of checkpoints, or the board and OKRs at one of them when the address names it. */
import { useView } from '../../hooks/useView.ts'
import { CheckpointList } from './CheckpointList.tsx'
import { CheckpointPage } from './CheckpointPage.tsx'
import type { PastViewComponents } from './CheckpointPage.tsx'
import './history.css'

/** `views`: the board and the OKR tree, rendered over a checkpoint's state. */
export function HistoryView({ views }: { views: PastViewComponents }) {
  const { checkpointId } = useView()
  // Keyed: another checkpoint starts from "Loading", never shows the previous board.
  return checkpointId === null ? <CheckpointList /> : <CheckpointPage key={checkpointId} checkpointId={checkpointId} views={views} />
}
