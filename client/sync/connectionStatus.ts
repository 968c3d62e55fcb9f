/** @module The connection badge's states: one union, switched over exhaustively. */
import { unreachable } from '../../shared/model/index.ts'

export type ConnectionStatus =
  | { readonly status: 'connecting' }
  | { readonly status: 'online' }
  /** `pending`: local changes made since the connection was lost, not yet sent. */
  | { readonly status: 'offline'; readonly since: number; readonly pending: number }
  /** The server refused this link for good (revoked, unknown workspace, not allowed). */
  | { readonly status: 'denied'; readonly code: number; readonly reason: string }

/** Text for the badge: "Live", "Offline · 3 changes waiting to sync"... */
export function describeStatus(s: ConnectionStatus): string {
  switch (s.status) {
    case 'connecting':
      return 'Connecting…'
    case 'online':
      return 'Live'
    case 'offline':
      return s.pending === 0
        ? 'Offline'
        : `Offline · ${s.pending} ${s.pending === 1 ? 'change' : 'changes'} waiting to sync`
    case 'denied':
      return 'Access refused'
    default:
      return unreachable(s, 'connection status')
  }
}
