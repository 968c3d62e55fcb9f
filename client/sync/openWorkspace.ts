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
  close(): void
}

export interface OpenOptions extends ConnectOptions {
  readonly name: string
  readonly role: Role
  readonly identity: Identity
}

export function openWorkspace(options: OpenOptions): Workspace {
  const connection = connectWorkspace(options)
  const session = openSession(connection.doc, { actor: options.identity.personId as PersonId | null })
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
    close() {
      undo.destroy()
      presence.destroy()
      connection.destroy()
    },
  }
}
