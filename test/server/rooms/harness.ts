/**
 * @module Drives Rooms at the socket level, no network: a fake RoomSocket that records frames, a
 * client that speaks y-websocket's protocol the way y-websocket 3 does (one Y.Doc and one
 * Awareness each), a storage whose loads and compactions a test can hold, and a waiting helper.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MessageType, Role } from '../../../shared/protocol/index.ts'
import { DEFAULT_LIMITS } from '../../../server/limits.ts'
import type { Limits } from '../../../server/limits.ts'
import { Metrics } from '../../../server/metrics.ts'
import type { RoomConnection } from '../../../server/rooms/Connection.ts'
import { Rooms } from '../../../server/rooms/Rooms.ts'
import { SOCKET_OPEN } from '../../../server/rooms/RoomSocket.ts'
import type { RoomSocket } from '../../../server/rooms/RoomSocket.ts'
import type { DocStorage, StoredDoc } from '../../../server/storage/DocStorage.ts'
import { MemoryStorage } from '../../../server/storage/MemoryStorage.ts'

const CLOSED = 3

/** A RoomSocket that records what the room sends and how it closes. */
export class FakeSocket implements RoomSocket {
  readonly sent: Uint8Array[] = []
  /** Calls that sent something: `send`, or `sendAll` with all its messages in one write. */
  writes = 0
  readyState = SOCKET_OPEN
  bufferedAmount = 0
  closeCode: number | null = null
  closeReason: string | null = null

  sendAll(messages: readonly Uint8Array[]): void {
    if (this.readyState !== SOCKET_OPEN) throw new Error('send on a socket that is not open')
    this.sent.push(...messages)
    this.writes++
  }

  send(data: Uint8Array): void {
    this.sendAll([data])
  }

  close(code: number, reason: string): void {
    this.closeCode ??= code
    this.closeReason ??= reason
    this.readyState = CLOSED
  }
}

/** A deferred promise: the test decides when it settles. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {}
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

/** MemoryStorage that counts calls and can hold loads and compactions until released. */
export class TestStorage implements DocStorage {
  readonly inner = new MemoryStorage()
  loads = 0
  appends = 0
  compactions = 0
  loadGate: Promise<void> | null = null
  compactGate: Promise<void> | null = null
  failAppends = false

  async load(docId: string): Promise<StoredDoc> {
    this.loads++
    if (this.loadGate !== null) await this.loadGate
    return this.inner.load(docId)
  }

  async append(docId: string, update: Uint8Array): Promise<void> {
    this.appends++
    if (this.failAppends) throw new Error('disk full')
    return this.inner.append(docId, update)
  }

  compact(docId: string, state: Uint8Array): Promise<void> {
    this.compactions++
    // The contract: `state` covers what was appended before this call, so write it now.
    const written = this.inner.compact(docId, state)
    return this.compactGate === null ? written : this.compactGate.then(() => written)
  }

  delete(docId: string): Promise<void> {
    return this.inner.delete(docId)
  }

  flush(): Promise<void> {
    return this.inner.flush()
  }

  close(): Promise<void> {
    return this.inner.close()
  }

  /** The document as storage would load it now. */
  async stored(docId: string): Promise<Y.Doc> {
    const doc = new Y.Doc()
    for (const update of (await this.inner.load(docId)).updates) Y.applyUpdate(doc, update)
    return doc
  }
}

export interface ClientOptions {
  readonly role?: Role
  /** Reuse a document (a client reconnecting with what it has, offline edits included). */
  readonly doc?: Y.Doc
  /** Send sync step 1 and the local awareness state on connect, like y-websocket's onopen. */
  readonly open?: boolean
  /** Re-send every awareness change it receives, like y-websocket 3 does. */
  readonly echoAwareness?: boolean
}

/** A y-websocket 3 client over a FakeSocket: every frame is one message. */
export class FakeClient {
  readonly doc: Y.Doc
  readonly awareness: Awareness
  readonly socket = new FakeSocket()
  readonly connection: RoomConnection
  /** Frames received and processed so far. */
  received: Uint8Array[] = []
  synced = false
  #read = 0

  readonly #onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== this) this.send(syncMessage((e) => syncProtocol.writeUpdate(e, update)))
  }

  constructor(rooms: Rooms, workspaceId: string, options: ClientOptions = {}) {
    this.doc = options.doc ?? new Y.Doc()
    this.awareness = new Awareness(this.doc)
    this.awareness.setLocalState(null)
    this.connection = rooms.connect(workspaceId, this.socket, { role: options.role ?? Role.Editor })
    this.doc.on('update', this.#onUpdate)
    if (options.echoAwareness ?? true) {
      this.awareness.on('update', ({ added, updated, removed }: AwarenessChange) => {
        const changed = [...added, ...updated, ...removed]
        this.send(awarenessMessage(encodeAwarenessUpdate(this.awareness, changed)))
      })
    }
    if (options.open ?? true) this.open()
  }

  get closeCode(): number | null {
    return this.socket.closeCode
  }

  /** What y-websocket does on open: sync step 1. */
  open(): void {
    this.send(syncMessage((e) => syncProtocol.writeSyncStep1(e, this.doc)))
  }

  /** Sets this client's presence (it goes out through the awareness 'update' handler). */
  setPresence(state: Record<string, unknown> | null): void {
    this.awareness.setLocalState(state)
  }

  send(frame: Uint8Array): void {
    if (this.socket.readyState === SOCKET_OPEN) this.connection.receive(frame)
  }

  /** Reads every frame not read yet and answers like y-websocket; returns how many it read. */
  pump(): number {
    let count = 0
    while (this.#read < this.socket.sent.length) {
      const frame = this.socket.sent[this.#read++]!
      this.received.push(frame)
      count++
      this.#readFrame(frame)
    }
    return count
  }

  /** Frames sent by the room that were not pumped yet. */
  unread(): Uint8Array[] {
    return this.socket.sent.slice(this.#read)
  }

  /** The socket dropped: the room hears of it, the document stays for a reconnect. */
  disconnect(): void {
    this.doc.off('update', this.#onUpdate)
    this.socket.close(1006, 'dropped')
    this.connection.close()
  }

  destroy(): void {
    this.awareness.destroy()
    this.doc.destroy()
  }

  #readFrame(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame)
    const encoder = encoding.createEncoder()
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.Sync: {
        encoding.writeVarUint(encoder, MessageType.Sync)
        const step = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this)
        if (step === syncProtocol.messageYjsSyncStep2) this.synced = true
        break
      }
      case MessageType.Awareness:
        applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this)
        break
      default:
        throw new Error(`the server sent message type ${type}`)
    }
    if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder))
  }
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

export function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** A sync update message carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  return syncMessage((e) => syncProtocol.writeUpdate(e, update))
}

/** A sync step 2 message carrying `update`. */
export function step2Message(update: Uint8Array): Uint8Array {
  return syncMessage((e) => {
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2)
    encoding.writeVarUint8Array(e, update)
  })
}

export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** An awareness update with raw entries (any client id, clock and JSON text). */
export function rawAwareness(entries: readonly { clientId: number; clock: number; json: string }[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, entry.json)
  }
  return awarenessMessage(encoding.toUint8Array(encoder))
}

/** One turn of the event loop: loads resolve, fan-out flushes. */
export function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** Lets clients and rooms talk until nobody has anything left to say. */
export async function exchange(...clients: FakeClient[]): Promise<void> {
  for (let round = 0; round < 50; round++) {
    await turn()
    let read = 0
    for (const client of clients) read += client.pump()
    if (read === 0) {
      await turn()
      if (clients.every((client) => client.unread().length === 0)) return
    }
  }
  throw new Error('clients kept talking for 50 rounds')
}

/** Waits until `condition` holds, failing after `ms`. */
export async function waitFor(condition: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await turn()
  }
}

export interface Harness {
  readonly rooms: Rooms
  readonly storage: TestStorage
  readonly metrics: Metrics
  readonly logs: string[]
  readonly clock: { now: number }
  client(workspaceId: string, options?: ClientOptions): FakeClient
  /** Destroys every client and closes the rooms. */
  dispose(): Promise<void>
}

/**
 * Rooms over a TestStorage, a manual clock and a collecting log. Broadcasts leave every turn of
 * the event loop unless a test sets `broadcastWindowMs` (FanOut.test covers the window), and no
 * heartbeat is sent unless a test sets `heartbeatIntervalMs` (heartbeat.test covers it).
 */
export function harness(limits: Partial<Limits> = {}, storage = new TestStorage()): Harness {
  const metrics = new Metrics()
  const logs: string[] = []
  const clock = { now: 0 }
  const rooms = new Rooms({
    storage,
    limits: { ...DEFAULT_LIMITS, broadcastWindowMs: 0, heartbeatIntervalMs: 0, ...limits },
    metrics,
    log: (message) => logs.push(message),
    now: () => clock.now,
  })
  const clients: FakeClient[] = []
  return {
    rooms,
    storage,
    metrics,
    logs,
    clock,
    client(workspaceId, options) {
      const client = new FakeClient(rooms, workspaceId, options)
      clients.push(client)
      return client
    },
    async dispose() {
      await rooms.close()
      for (const client of clients) client.destroy()
    },
  }
}

/** Text of a client's shared Y.Text `t`, the field most tests type into. */
export function text(doc: Y.Doc): string {
  return doc.getText('t').toString()
}
