/**
 * @module One real sync client for the load generator: a Y.Doc, a y-protocols Awareness and a `ws`
 * socket speaking either the y-websocket protocol (Roundtable, the reference server) or
 * Hocuspocus' framing (the document name before every message, a token message first). It behaves
 * like y-websocket 3's WebsocketProvider: sync step 1 and the local presence on open, every local
 * update sent at once, and every awareness change it receives sent back (the provider does that).
 * It never imports the server's code.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

export const Framing = {
  /** The y-websocket protocol: one message per frame, nothing before the message type. */
  YWebsocket: 'y-websocket',
  /** Hocuspocus: the document name (varString) before the message type; a token message first. */
  Hocuspocus: 'hocuspocus',
} as const
export type Framing = (typeof Framing)[keyof typeof Framing]

/** Where a client connects: one room (document) of one peer. */
export interface RoomAddress {
  readonly url: string
  readonly docName: string
  readonly framing: Framing
}

const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  /** Hocuspocus: a sync message that must not be answered with another step 1. */
  SyncReply: 4,
  /** Hocuspocus: acknowledges an update. */
  SyncStatus: 8,
} as const

export interface BenchClientOptions {
  /** A presence state set once on open, like a real client; null for none. */
  readonly presence?: Record<string, unknown> | null
  /** Give up on the connection (counted as a failure) after this long without being synced. */
  readonly syncTimeoutMs?: number
  /** Called after every remote update this client applied (for latency tracking). */
  readonly onRemoteTransaction?: (client: BenchClient, transaction: Y.Transaction) => void
  /** Called with every raw update received from the server (before it is applied). */
  readonly onRawUpdate?: (client: BenchClient, update: Uint8Array) => void
  /** Resend received awareness changes as the y-websocket provider does; default true. */
  readonly echoAwareness?: boolean
}

export class BenchClient {
  readonly doc = new Y.Doc()
  readonly awareness: awarenessProtocol.Awareness
  readonly address: RoomAddress
  /** Bytes and frames received from the server. */
  bytesIn = 0
  framesIn = 0
  /** Bytes received until (and including) the first sync step 2. */
  bytesUntilSynced = 0
  /** `performance.now()` when the socket was created, opened, and synced (NaN until then). */
  readonly startedAt = performance.now()
  openedAt = Number.NaN
  syncedAt = Number.NaN
  /** When the first sync step 2 arrived, before this client applied it. */
  step2ReceivedAt = Number.NaN
  /** Why the connection failed or closed before being synced; null while fine. */
  failure: string | null = null
  /** Close code when the server closed the socket. */
  closeCode: number | null = null
  readonly synced: Promise<void>

  readonly #ws: WebSocket
  readonly #options: BenchClientOptions
  readonly #prefix: Uint8Array
  #resolveSynced!: () => void
  #rejectSynced!: (err: Error) => void
  #timer: ReturnType<typeof setTimeout> | undefined
  #closedByUs = false
  /** Waiting for the next sync step 2 (see roundTrip). */
  #step2Waiters: (() => void)[] = []

  constructor(address: RoomAddress, options: BenchClientOptions = {}) {
    this.address = address
    this.#options = options
    this.#prefix = prefixOf(address)
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    this.awareness.setLocalState(null)
    this.synced = new Promise<void>((resolve, reject) => {
      this.#resolveSynced = resolve
      this.#rejectSynced = reject
    })
    // Nobody has to await `synced` for a failure to be recorded.
    this.synced.catch(() => {})
    this.#timer = setTimeout(() => this.#fail(`not synced after ${options.syncTimeoutMs ?? 60_000} ms`), options.syncTimeoutMs ?? 60_000)
    this.doc.on('update', this.#onLocalUpdate)
    if (options.onRemoteTransaction !== undefined) {
      const hook = options.onRemoteTransaction
      this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
        if (transaction.origin === this) hook(this, transaction)
      })
    }
    this.awareness.on('update', this.#onAwarenessUpdate)
    this.#ws = new WebSocket(address.url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 })
    this.#ws.binaryType = 'nodebuffer'
    this.#ws.on('open', this.#onOpen)
    this.#ws.on('message', this.#onMessage)
    this.#ws.on('error', (err) => this.#fail(`socket error: ${err.message}`))
    this.#ws.on('close', (code) => {
      this.closeCode = code
      if (!this.#closedByUs) this.#fail(`closed by the server with ${code}`)
    })
  }

  get isSynced(): boolean {
    return !Number.isNaN(this.syncedAt)
  }

  get open(): boolean {
    return this.#ws.readyState === WebSocket.OPEN
  }

  /** Bytes the socket has not written yet (for flow control). */
  get bufferedAmount(): number {
    return this.#ws.bufferedAmount
  }

  /** Sets the presence state (sent to the server like the provider does). */
  setPresence(state: Record<string, unknown> | null): void {
    this.awareness.setLocalState(state)
  }

  /** Closes the socket and stops the awareness timer. */
  close(): void {
    this.#closedByUs = true
    clearTimeout(this.#timer)
    this.awareness.destroy()
    try {
      this.#ws.close(1000)
    } catch {
      this.#ws.terminate()
    }
    // A server that does not answer the close handshake must not keep the socket forever.
    setTimeout(() => this.#ws.terminate(), 2_000).unref()
  }

  /** Drops the socket at once (no close handshake). */
  terminate(): void {
    this.#closedByUs = true
    clearTimeout(this.#timer)
    this.awareness.destroy()
    this.#ws.terminate()
  }

  /** Sends a sync step 1 (asks the server for what this client lacks). */
  sendSyncStep1(): void {
    const encoder = this.#encoder(MessageType.Sync)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    this.#send(encoding.toUint8Array(encoder))
  }

  /**
   * Resolves once the server answered a new sync step 1: everything this client sent before has
   * been processed by then (one socket keeps its order).
   */
  roundTrip(timeoutMs = 30_000): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to sync step 1 after ${timeoutMs} ms`)), timeoutMs)
      this.#step2Waiters.push(() => {
        clearTimeout(timer)
        resolve()
      })
      this.sendSyncStep1()
    })
  }

  readonly #onOpen = (): void => {
    this.openedAt = performance.now()
    if (this.address.framing === Framing.Hocuspocus) {
      // The provider authenticates first (an empty token: the server has no auth extension).
      const encoder = this.#encoder(MessageType.Auth)
      encoding.writeVarUint(encoder, 0) // AuthMessageType.Token
      encoding.writeVarString(encoder, '')
      this.#send(encoding.toUint8Array(encoder))
    }
    this.sendSyncStep1()
    const presence = this.#options.presence
    if (presence !== undefined && presence !== null) this.awareness.setLocalState(presence)
  }

  readonly #onMessage = (data: Buffer): void => {
    this.bytesIn += data.length
    this.framesIn++
    const synced = this.isSynced
    if (!synced) this.bytesUntilSynced += data.length
    try {
      this.#read(new Uint8Array(data.buffer, data.byteOffset, data.length))
    } catch (err) {
      this.#fail(`bad message from the server: ${(err as Error).message}`)
    }
  }

  #read(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message)
    if (this.address.framing === Framing.Hocuspocus) decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.Sync:
      case MessageType.SyncReply: {
        const encoder = this.#encoder(MessageType.Sync)
        const empty = encoding.length(encoder)
        // Peek at the message without consuming it: a copy of the decoder's position.
        const peek = decoding.clone(decoder)
        const peekedStep = decoding.readVarUint(peek)
        if (peekedStep === syncProtocol.messageYjsSyncStep2 && Number.isNaN(this.step2ReceivedAt)) this.step2ReceivedAt = performance.now()
        const onRaw = this.#options.onRawUpdate
        if (onRaw !== undefined && peekedStep !== syncProtocol.messageYjsSyncStep1) onRaw(this, decoding.readVarUint8Array(peek))
        const step = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this)
        if (encoding.length(encoder) > empty) this.#send(encoding.toUint8Array(encoder))
        if (step === syncProtocol.messageYjsSyncStep2) {
          if (!this.isSynced) {
            this.syncedAt = performance.now()
            clearTimeout(this.#timer)
            this.#resolveSynced()
          }
          const waiters = this.#step2Waiters
          this.#step2Waiters = []
          for (const resolve of waiters) resolve()
        }
        return
      }
      case MessageType.Awareness:
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this)
        return
      case MessageType.QueryAwareness: {
        const encoder = this.#encoder(MessageType.Awareness)
        encoding.writeVarUint8Array(
          encoder,
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]),
        )
        this.#send(encoding.toUint8Array(encoder))
        return
      }
      case MessageType.Auth: {
        // Hocuspocus: 2 = authenticated, 0 = token, 1 = permission denied.
        const authType = decoding.readVarUint(decoder)
        if (authType === 1) this.#fail('permission denied')
        return
      }
      case MessageType.SyncStatus:
        return
      default:
        return
    }
  }

  /** Every local change goes to the server at once, as the provider sends it. */
  readonly #onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return
    const encoder = this.#encoder(MessageType.Sync)
    syncProtocol.writeUpdate(encoder, update)
    this.#send(encoding.toUint8Array(encoder))
  }

  /** The provider sends every awareness change, its own and (by default) the ones it received. */
  readonly #onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === this && this.#options.echoAwareness === false) return
    if (!this.open) return
    const encoder = this.#encoder(MessageType.Awareness)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]))
    this.#send(encoding.toUint8Array(encoder))
  }

  #encoder(type: number): encoding.Encoder {
    const encoder = encoding.createEncoder()
    if (this.#prefix.length > 0) encoding.writeUint8Array(encoder, this.#prefix)
    encoding.writeVarUint(encoder, type)
    return encoder
  }

  #send(message: Uint8Array): void {
    if (this.#ws.readyState !== WebSocket.OPEN) return
    this.#ws.send(message, { binary: true })
  }

  #fail(reason: string): void {
    if (this.#closedByUs) return
    if (this.failure === null && !this.isSynced) this.failure = reason
    else if (this.failure === null) this.failure = `after sync: ${reason}`
    clearTimeout(this.#timer)
    this.#rejectSynced(new Error(reason))
  }
}

function prefixOf(address: RoomAddress): Uint8Array {
  if (address.framing !== Framing.Hocuspocus) return new Uint8Array(0)
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, address.docName)
  return encoding.toUint8Array(encoder)
}
