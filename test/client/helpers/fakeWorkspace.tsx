/**
 * @module Renders client components inside a real, in-memory workspace: a real Y.Doc and session
 * (commands and snapshots behave exactly as in the app), a fake connection whose status tests can
 * drive, presence over a local Awareness, and a real undo history. No network, no IndexedDB.
 *
 *   const { workspace, session, setStatus } = renderWithWorkspace(<Board />, {
 *     role: 'editor',
 *     seed: (s) => { createTeam(s, { name: 'Growth' }) },
 *     view: { view: 'tree' },
 *   })
 */
import { render } from '@testing-library/react'
import type { RenderOptions, RenderResult } from '@testing-library/react'
import type { ReactElement, ReactNode } from 'react'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { createUndoHistory, initWorkspace, openSession, snapshot } from '../../../shared/doc/index.ts'
import type { Session } from '../../../shared/doc/index.ts'
import type { PersonId } from '../../../shared/model/index.ts'
import { canWrite } from '../../../shared/protocol/index.ts'
import type { Role } from '../../../shared/protocol/index.ts'
import { ViewContext } from '../../../client/hooks/useView.ts'
import type { ViewState } from '../../../client/hooks/useView.ts'
import { useViewState } from '../../../client/app/useViewState.ts'
import { WorkspaceContext } from '../../../client/sync/WorkspaceContext.ts'
import type { WorkspaceConnection } from '../../../client/sync/connectWorkspace.ts'
import type { ConnectionStatus } from '../../../client/sync/connectionStatus.ts'
import type { Identity } from '../../../client/sync/identity.ts'
import type { Workspace } from '../../../client/sync/openWorkspace.ts'
import { createPresence } from '../../../client/sync/presence.ts'
import { createServerClock } from '../../../client/sync/serverClock.ts'

/**
 * jsdom has no modal API on <dialog>: give it the minimum (the `open` attribute) so client/ui's
 * Dialog shows its content to role queries as in a browser. Installed when this helper loads.
 */
export function polyfillDialog(): void {
  const proto = globalThis.HTMLDialogElement?.prototype
  if (!proto || typeof proto.showModal === 'function') return
  proto.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  proto.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open')
  }
}
polyfillDialog()

export interface FakeWorkspaceOptions {
  /** Defaults to 'owner'. */
  readonly role?: Role
  /** Workspace name (also written into the doc by initWorkspace). Defaults to 'Acme'. */
  readonly name?: string
  /** Who I am; defaults to "Test User" with no person record. */
  readonly identity?: Partial<Identity>
  /** Runs once with a session on the doc (after initWorkspace), before anything renders. */
  readonly seed?: (session: Session) => void
  /** Initial connection status; defaults to online. */
  readonly status?: ConnectionStatus
  /** Session clock; defaults to the wall clock. */
  readonly now?: () => number
}

export interface FakeWorkspace {
  readonly workspace: Workspace
  /** The same session the UI uses (commands through it are undoable by the UI's undo). */
  readonly session: Session
  readonly doc: Y.Doc
  readonly awareness: Awareness
  /** Drives the connection badge. */
  setStatus(status: ConnectionStatus): void
  /** Adds another person's presence (a second Awareness client on the same doc id space). */
  addPeer(user: { name: string; color: string; personId?: string | null }, activity?: unknown, extra?: Record<string, unknown>): number
}

/** Builds a workspace without rendering anything. */
export function createFakeWorkspace(options: FakeWorkspaceOptions = {}): FakeWorkspace {
  const role = options.role ?? 'owner'
  const name = options.name ?? 'Acme'
  const identity: Identity = { name: 'Test User', color: '#0090ff', personId: null, ...options.identity }
  const doc = new Y.Doc()
  snapshot(doc)
  // The seeding session is a stand-in for "someone else earlier": its edits are not in my undo history.
  const seeder = openSession(doc, { now: options.now })
  initWorkspace(seeder, { name })
  options.seed?.(seeder)

  let status: ConnectionStatus = options.status ?? { status: 'online' }
  const listeners = new Set<() => void>()
  const awareness = new Awareness(doc)
  const connection: WorkspaceConnection = {
    doc,
    awareness,
    status: () => status,
    subscribeStatus(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    localReady: Promise.resolve(),
    destroy: () => awareness.destroy(),
  }
  const session = openSession(doc, { actor: identity.personId as PersonId | null, now: options.now })
  const presence = createPresence(awareness)
  // Set directly rather than through presence.setUser, which is throttled by a timer.
  awareness.setLocalStateField('user', { name: identity.name, color: identity.color, personId: identity.personId })
  const undo = createUndoHistory(session)
  const workspace: Workspace = {
    workspaceId: 'ws-test',
    name,
    role,
    canEdit: canWrite(role),
    identity,
    session,
    connection,
    presence,
    undo,
    // The server's clock is this one: nothing to ask in a test.
    clock: createServerClock({ fetchTime: () => Promise.reject(new Error('no server')), localNow: options.now }),
    close() {
      undo.destroy()
      presence.destroy()
      connection.destroy()
    },
  }
  let nextClient = 1_000_000
  return {
    workspace,
    session,
    doc,
    awareness,
    setStatus(next) {
      status = next
      for (const listener of listeners) listener()
    },
    addPeer(user, activity = null, extra = {}) {
      const clientId = nextClient++
      const state = { ...extra, user: { personId: null, ...user }, activity }
      // Apply a remote awareness state the way the provider would.
      awareness.states.set(clientId, state)
      awareness.meta.set(clientId, { clock: 1, lastUpdated: Date.now() })
      awareness.emit('change', [{ added: [clientId], updated: [], removed: [] }, 'remote'])
      return clientId
    },
  }
}

function ViewProvider({ initial, children }: { initial: Partial<ViewState>; children: ReactNode }) {
  const view = useViewState(initial)
  return <ViewContext.Provider value={view}>{children}</ViewContext.Provider>
}

/** Wraps `children` in WorkspaceContext + ViewContext providers (a real view reducer). */
export function WorkspaceProviders({
  workspace,
  view = {},
  children,
}: {
  workspace: Workspace
  view?: Partial<ViewState>
  children: ReactNode
}) {
  return (
    <WorkspaceContext.Provider value={workspace}>
      <ViewProvider initial={view}>{children}</ViewProvider>
    </WorkspaceContext.Provider>
  )
}

export interface RenderWithWorkspaceOptions extends FakeWorkspaceOptions {
  readonly view?: Partial<ViewState>
  readonly render?: Omit<RenderOptions, 'wrapper'>
}

export type RenderWithWorkspaceResult = RenderResult & FakeWorkspace

/** Renders `ui` inside a fresh fake workspace; returns Testing Library's result plus the workspace. */
export function renderWithWorkspace(ui: ReactElement, options: RenderWithWorkspaceOptions = {}): RenderWithWorkspaceResult {
  const fake = createFakeWorkspace(options)
  const result = render(ui, {
    ...options.render,
    wrapper: ({ children }: { children: ReactNode }) => (
      <WorkspaceProviders workspace={fake.workspace} view={options.view}>
        {children}
      </WorkspaceProviders>
    ),
  })
  return { ...result, ...fake }
}
