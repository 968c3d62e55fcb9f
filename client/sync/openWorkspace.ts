/**
 * @module Everything one open workspace needs, built once: the connection, a shared/doc session
 * acting as me, presence, and my own undo history.
 */
import { createUndoHistory, openSession } from '../../shared/doc/index.ts'
import type { Session, UndoHistory } from '../../shared/doc/index.ts'
import type { PersonId } from '../../shared/model/index.ts'
import { canWrite } from '../../shared/protocol/index.ts'
import type { Role } from '../../shared/protocol/index.ts'
import { connectWorkspace } from './connectWorkspace.ts'
import type { ConnectOptions, WorkspaceConnection } from './connectWorkspace.ts'
import type { Identity } from './identity.ts'
import { createPresence } from './presence.ts'
import type { Presence } from './presence.ts'
import { serverClock } from './serverClock.ts'
import type { ServerClock } from './serverClock.ts'

export interface Workspace {
  readonly workspaceId: string
  readonly name: string
  readonly role: Role
  readonly canEdit: boolean
  readonly identity: Identity
  readonly session: Session
  readonly connection: WorkspaceConnection
  readonly presence: Presence
  readonly undo: UndoHistory
  /** The server's clock: meeting timers read it, and my commands stamp the document with it. */
  readonly clock: ServerClock
  close(): void
}

export interface OpenOptions extends ConnectOptions {
  readonly name: string
  readonly role: Role
  readonly identity: Identity
  /** Defaults to the page's server clock (tests pass their own). */
  readonly clock?: ServerClock
}

export function openWorkspace(options: OpenOptions): Workspace {
  const connection = connectWorkspace(options)
  const clock = options.clock ?? serverClock
  const session = openSession(connection.doc, { actor: options.identity.personId as PersonId | null, now: clock.now })
  // Learn the server's clock on every (re)connect: a laptop that slept may have drifted.
  let wasOnline = false
  const unwatchClock = connection.subscribeStatus(() => {
    const online = connection.status().status === 'online'
    if (online && !wasOnline) void clock.sync()
    wasOnline = online
  })
  const presence = createPresence(connection.awareness)
  presence.setUser(options.identity)
  const undo = createUndoHistory(session)
  return {
    workspaceId: options.workspaceId,
    name: options.name,
    role: options.role,
    canEdit: canWrite(options.role),
    identity: options.identity,
    session,
    connection,
    presence,
    undo,
    clock,
    close() {
      unwatchClock()
      undo.destroy()
      presence.destroy()
      connection.destroy()
    },
  }
}
