/**
 * @module Connects one workspace document: the stock y-websocket provider to the server, watched
 * so that a dead connection is seen within seconds (watchConnection), and an IndexedDB copy so
 * edits made offline survive a reload and merge on reconnect (offlineCopy: read back in pieces, one
 * short task each). The socket opens once the copy has been read into the document, so sync step 1 carries its state vector and the server sends only
 * what the copy lacks (a reload with no remote change receives a few hundred bytes, not the board).
 */
import { WebsocketProvider } from 'y-websocket'
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { isCommandOrigin, snapshot } from '../../shared/doc/index.ts'
import { CloseCode } from '../../shared/protocol/index.ts'
import type { ConnectionStatus } from './connectionStatus.ts'
import { offlineCopyName, openOfflineCopy } from './offlineCopy.ts'
import { browserStore, WaitingChanges } from './WaitingChanges.ts'
import { watchConnection } from './watchConnection.ts'

export interface WorkspaceConnection {
  readonly doc: Y.Doc
  readonly awareness: Awareness
  status(): ConnectionStatus
  subscribeStatus(listener: () => void): () => void
  /** Resolves once the offline copy (if any) has been read into the document. */
  readonly localReady: Promise<void>
  destroy(): void
}

export interface ConnectOptions {
  readonly workspaceId: string
  readonly token: string
  /** `ws(s)://host`; defaults to the page's own origin. */
  readonly serverUrl?: string
  /** Keep an IndexedDB copy (off in tests without IndexedDB). */
  readonly offline?: boolean
  readonly now?: () => number
  /** How long the socket waits for the offline copy (default LOCAL_COPY_WAIT_MS; tests shorten it). */
  readonly localCopyWaitMs?: number
}

/** Close codes after which reconnecting cannot help: the link itself is refused. */
const FINAL = new Set<number>([CloseCode.Unauthorized, CloseCode.Forbidden, CloseCode.NotFound])

/**
 * The provider's longest wait between attempts (its default is 2.5 s): a server back after a
 * restart is found within a second. An attempt costs a failed TCP connect while it is down.
 */
const MAX_BACKOFF_MS = 1_000

/**
 * The longest the socket waits for the offline copy before connecting without it: an IndexedDB that
 * never answers (broken, blocked by another tab's upgrade, refused by the browser) must not keep
 * the link from going Live. Reading a 2,000-card copy takes well under a second.
 */
export const LOCAL_COPY_WAIT_MS = 3_000

export function connectWorkspace(options: ConnectOptions): WorkspaceConnection {
  const now = options.now ?? (() => Date.now())
  const doc = new Y.Doc()
  // Declare every root before any remote update arrives (Yjs must know each root's type).
  snapshot(doc)
  const local = options.offline === false ? null : openOfflineCopy(doc, offlineCopyName(options.workspaceId))
  const localReady = local === null ? Promise.resolve() : local.ready
  const base = options.serverUrl ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`
  const provider = new WebsocketProvider(`${base}/sync`, options.workspaceId, doc, {
    // With an offline copy, the socket opens once the copy is read (connectOnce below).
    connect: local === null,
    params: { token: options.token },
    maxBackoffTime: MAX_BACKOFF_MS,
    // Too fast or too large are about one message: try again. A refused link is final.
    shouldReconnect: (event: CloseEvent) => !FINAL.has(event.code),
    // No BroadcastChannel between tabs: on every connect it encodes and posts the whole document
    // (half a second of main thread at 2,000 cards, right after the offline copy is read); other
    // tabs get every change from the server, and share the offline copy.
    disableBc: true,
  } as ConstructorParameters<typeof WebsocketProvider>[3])
  // While the copy is read, the provider has no use for updates (no socket yet), and any 'update'
  // listener makes Yjs encode each piece: it listens again once the socket is about to open.
  if (local !== null) doc.off('update', provider._updateHandler)
  const unwatch = watchConnection(provider)
  // With an offline copy: connect once, when it is read or when the wait for it is over.
  let awaitingCopy = local !== null
  const waitMs = options.localCopyWaitMs ?? LOCAL_COPY_WAIT_MS
  const connectOnce = () => {
    if (!awaitingCopy) return
    awaitingCopy = false
    clearTimeout(waitTimer)
    doc.on('update', provider._updateHandler)
    provider.connect()
  }
  const waitTimer = awaitingCopy
    ? setTimeout(() => {
        console.warn(`Roundtable: the offline copy of workspace ${options.workspaceId} was not read within ${waitMs} ms; connecting without it`)
        connectOnce()
      }, waitMs)
    : undefined
  if (awaitingCopy) void localReady.then(connectOnce)

  let current: ConnectionStatus = { status: 'connecting' }
  // The count outlives a reload only where the changes do: with the offline copy.
  const waiting = new WaitingChanges(options.workspaceId, local === null ? null : browserStore())
  const listeners = new Set<() => void>()
  const set = (next: ConnectionStatus) => {
    current = next
    for (const listener of listeners) listener()
  }
  provider.on('sync', (synced: boolean) => {
    if (synced) {
      waiting.clear()
      set({ status: 'online' })
    }
  })
  /**
   * When my changes made while Live were made (Date.now(), the provider's clock). A connection
   * that died without closing is found out only after seconds of silence (watchConnection): a
   * change made after the last message from the server may never have reached it, so it counts
   * as waiting once the connection is given up. Only those since the last message are kept.
   */
  let madeWhileLive: number[] = []
  provider.on('status', ({ status }: { status: string }) => {
    if (status !== 'disconnected' || current.status === 'denied') return
    const lastHeard = provider.wsLastMessageReceived
    for (const at of madeWhileLive) if (at >= lastHeard) waiting.add()
    madeWhileLive = []
    set({ status: 'offline', since: now(), pending: waiting.count })
  })
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (event && FINAL.has(event.code)) set({ status: 'denied', code: event.code, reason: event.reason })
    else if (current.status === 'connecting') set({ status: 'offline', since: now(), pending: waiting.count })
  })
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (!isCommandOrigin(tr.origin) && !(tr.origin instanceof Y.UndoManager)) return
    if (tr.changed.size === 0) return
    if (current.status === 'online') {
      const lastHeard = provider.wsLastMessageReceived
      madeWhileLive = madeWhileLive.filter((at) => at >= lastHeard)
      madeWhileLive.push(Date.now())
    } else if (current.status === 'offline') {
      set({ status: 'offline', since: current.since, pending: waiting.add() })
    }
  })

  return {
    doc,
    awareness: provider.awareness,
    status: () => current,
    subscribeStatus(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    localReady,
    destroy() {
      awaitingCopy = false
      clearTimeout(waitTimer)
      unwatch()
      provider.destroy()
      local?.destroy()
      doc.destroy()
    },
  }
}
