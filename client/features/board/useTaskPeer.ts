/**
 * @module The other person editing or dragging a card, if any. Each card subscribes on its own and
 * selects its own peer, so a presence change re-renders only the cards whose peer changed.
 */
import { useCallback, useSyncExternalStore } from 'react'
import { peersAt } from '../../hooks/usePeers.ts'
import type { Peer } from '../../sync/presence.ts'
import { useBoard } from './BoardContext.ts'

export function useTaskPeer(taskId: string): Peer | null {
  const { presence } = useBoard().ws
  // peers() returns the same array (and Peer objects) until someone changes: a stable selection.
  const read = useCallback(() => {
    const peers = presence.peers()
    return peersAt(peers, `task:${taskId}`)[0] ?? peersAt(peers, taskId)[0] ?? null
  }, [presence, taskId])
  return useSyncExternalStore(presence.subscribe, read, read)
}
