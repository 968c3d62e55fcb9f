/**
 * @module Live, connecting, offline with changes waiting, or refused: always in words (never colour
 * alone), announced politely to screen readers when it changes.
 */
import { useConnectionStatus } from '../../hooks/useConnectionStatus.ts'
import { describeStatus } from '../../sync/connectionStatus.ts'
import type { ConnectionStatus } from '../../sync/connectionStatus.ts'

function detail(status: ConnectionStatus): string {
  switch (status.status) {
    case 'connecting':
      return 'Connecting to the server…'
    case 'online':
      return 'Connected: changes are shared as you make them'
    case 'offline':
      return `No connection since ${new Date(status.since).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}. Changes are kept in this browser and sent when the connection is back.`
    case 'denied':
      return 'The server refused this link. Ask the workspace owner for a new one.'
  }
}

export function ConnectionBadgeView({ status }: { status: ConnectionStatus }) {
  return (
    <span className={`conn-badge conn-badge--${status.status}`} role="status" title={detail(status)}>
      <span className="conn-badge__dot" aria-hidden="true" />
      {describeStatus(status)}
    </span>
  )
}

export function ConnectionBadge() {
  return <ConnectionBadgeView status={useConnectionStatus()} />
}
