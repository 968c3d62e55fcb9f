/** @module The connection badge's state. */
import { useSyncExternalStore } from 'react'
import type { ConnectionStatus } from '../sync/connectionStatus.ts'
import { useWorkspace } from './useWorkspace.ts'

export function useConnectionStatus(): ConnectionStatus {
  const { connection } = useWorkspace()
  return useSyncExternalStore(connection.subscribeStatus, connection.status, connection.status)
}
