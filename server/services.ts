/** @module What the HTTP routes need from the running server, as interfaces tests can satisfy. */
import type { Session } from '../shared/doc/index.ts'
import type { Metrics } from './metrics.ts'
import type { WorkspaceRegistry } from './storage/WorkspaceRegistry.ts'

/** The live documents: `Rooms` in production. */
export interface LiveDocs {
  /**
   * Runs `fn` on the workspace's live document (loading it if needed). Changes made in `fn` reach
   * every connected client and storage like any client's edit.
   */
  withDoc<T>(workspaceId: string, fn: (doc: Session['doc']) => T): Promise<T>
  stats(): { rooms: number; connections: number }
}

export interface Services {
  readonly registry: WorkspaceRegistry
  readonly docs: LiveDocs
  readonly secret: string
  readonly metrics: Metrics
  readonly now: () => number
}
