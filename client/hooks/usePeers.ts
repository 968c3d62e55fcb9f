/** @module Everyone here (me first), with what they are editing or dragging. */
import { useSyncExternalStore } from 'react'
import type { Peer } from '../sync/presence.ts'
import { useWorkspace } from './useWorkspace.ts'

export function usePeers(): readonly Peer[] {
  const { presence } = useWorkspace()
  return useSyncExternalStore(presence.subscribe, presence.peers, presence.peers)
}

/** The other people currently editing or dragging `target` (a field key or a task id). */
export function peersAt(peers: readonly Peer[], target: string): Peer[] {
  return peers.filter(
    (p) =>
      !p.self &&
      ((p.activity?.kind === 'editing' && p.activity.target === target) ||
        (p.activity?.kind === 'dragging' && p.activity.taskId === target)),
  )
}
