/**
 * @module A room's loaded document and what is attached to it: persistence of every change,
 * presence, coalesced fan-out, and the handling of each message a connection sends. The room
 * around it decides who is connected and when the document loads, unloads or reloads.
 */
import * as Y from 'yjs'
import { OriginSource, isCommandOrigin } from '../../shared/doc/index.ts'
import { unreachable } from '../../shared/model/index.ts'
import type { PersonId } from '../../shared/model/index.ts'
import { decodeAwarenessUpdate } from '../../shared/protocol/decodeAwareness.ts'
import { ClientMessageKind } from '../../shared/protocol/decodeMessage.ts'
import type { ClientMessage } from '../../shared/protocol/decodeMessage.ts'
import { CloseCode, Role } from '../../shared/protocol/index.ts'
import type { StoredDoc } from '../storage/DocStorage.ts'
import { UpdateOutcomeKind, applyClientUpdate } from './applyClientUpdate.ts'
import { checkIntegrated } from './checkIntegrated.ts'
import { Connection } from './Connection.ts'
import { ActivityRecorder } from './ActivityRecorder.ts'
import { CheckpointKeeper } from './CheckpointKeeper.ts'
import { CycleGuard } from './CycleGuard.ts'
import { describeError } from './describeError.ts'
import { DocPersistence } from './DocPersistence.ts'
import { encodeSyncAnswer, encodeSyncStep1 } from './encode.ts'
import { FanOut } from './FanOut.ts'
import { loadDoc } from './loadDoc.ts'
import { MeetingAttendance } from './MeetingAttendance.ts'
import { meetingPersonOf, presencePersonOf } from './meetingPresence.ts'
import { RefuseReason } from './refusal.ts'
import { RelayBridge } from './RelayBridge.ts'
import { RELAYED } from './relayed.ts'
import { ServerOnlyGuard } from './ServerOnlyGuard.ts'
import { AwarenessOutcome, RoomAwareness } from './RoomAwareness.ts'
import type { RoomContext } from './RoomContext.ts'

export interface LiveDocHooks {
  /** The connections that receive broadcasts (the room's active ones). */
  readonly receivers: () => Iterable<Connection>
  /** A client's update threw half-way: the document must not be used any more. */
  readonly failed: (culprit: Connection, err: unknown) => void
}

export class LiveDoc {
  readonly doc: Y.Doc
  readonly persistence: DocPersistence
  readonly #id: string
  readonly #context: RoomContext
  readonly #hooks: LiveDocHooks
  readonly #awareness: RoomAwareness
  readonly #fanOut: FanOut
  /** Owner-only changes (a cycle's lifecycle) from other writers are refused before they apply. */
  readonly #cycleGuard: CycleGuard
  /** Writes to the server-only roots (vote rounds) from any client are refused before they apply. */
  readonly #serverOnly: ServerOnlyGuard
  /** Dated checkpoints (meeting start and end, publish, close, daily), when the server keeps them. */
  readonly #checkpoints: CheckpointKeeper | null
  /** Who came to the running meeting, from presence. */
  readonly #attendance: MeetingAttendance
  /** Who did what, when the server keeps activity. */
  readonly #activity: ActivityRecorder | null
  /**
   * What every joiner gets, kept until the next change: the server's sync step 1, and sync step 2
   * for a client that has nothing (a fresh browser, a new tab). A room full of people opening the
   * same board at the start of a meeting encodes it once, not once each: less CPU, and far less
   * garbage (encoding a board allocates several times its size). The price: a board nobody edits
   * is held twice (document and encoding) until it changes or unloads.
   */
  #step1: Uint8Array | null = null
  #freshStep2: readonly Uint8Array[] | null = null
  /** The room's link to the other instances holding it (REDIS_URL); null when alone. */
  readonly #relay: RelayBridge | null
  /** withDoc calls in progress, each collecting the appends its changes caused. */
  readonly #recorders = new Set<Promise<boolean>[]>()
  #destroyed = false

  constructor(id: string, stored: StoredDoc, context: RoomContext, hooks: LiveDocHooks) {
    const { log, limits, storage } = context
    this.#id = id
    this.#context = context
    this.#hooks = hooks
    const { doc, skipped, droppedPending } = loadDoc(stored)
    if (skipped > 0) log(`sync ${id}: skipped ${skipped} stored update(s) that do not apply`)
    if (droppedPending) log(`sync ${id}: stored updates with missing dependencies were dropped`)
    this.doc = doc
    this.#cycleGuard = new CycleGuard(doc)
    this.#serverOnly = new ServerOnlyGuard(doc)
    this.persistence = new DocPersistence({
      storage,
      docId: id,
      compactLogBytes: limits.compactLogBytes,
      encodeState: () => Y.encodeStateAsUpdate(doc),
      log,
    })
    this.persistence.start(stored)
    const fanOutTarget = {
      awarenessMessage: (clientIds: readonly number[]) => this.#awareness.message(clientIds),
      broadcast: (messages: readonly Uint8Array[], updates: number) => {
        // The other instances first: theirs is the longer way.
        this.#relay?.flush()
        this.#broadcast(messages, updates)
      },
      reportError: (err: unknown) => log(`sync ${id}: broadcast failed: ${describeError(err)}`),
    }
    this.#fanOut = new FanOut(fanOutTarget, context.ticker)
    this.#awareness = new RoomAwareness(doc, limits, (clientIds, origin) => {
      this.#fanOut.queueAwareness(clientIds)
      this.#attendance.presenceChanged()
      this.#relay?.awarenessChanged(clientIds, origin)
    })
    this.#attendance = new MeetingAttendance(doc, () => this.#presenceStates(), log)
    this.#activity =
      context.activity === null
        ? null
        : new ActivityRecorder(doc, {
            workspaceId: id,
            log: context.activity,
            now: context.clock,
            personOf: (origin) => this.#personOf(origin),
            // People's edits: a connection's, or a REST call's (the server's own are not activity).
            isEdit: (origin) => origin instanceof Connection || (isCommandOrigin(origin) && origin.source === OriginSource.Api),
          })
    this.#checkpoints =
      context.checkpoints === null
        ? null
        : new CheckpointKeeper(doc, {
            workspaceId: id,
            store: context.checkpoints,
            now: context.clock,
            log,
            retentionDays: context.checkpointRetentionDays,
          })
    doc.on('afterTransactionCleanup', this.#checkClientTransaction)
    doc.on('update', this.#onUpdate)
    // Last: the bridge's sync request may be answered at once, into everything above.
    this.#relay = context.relay === null ? null : new RelayBridge(id, doc, this.#awareness, context.relay, log)
  }

  /** Sync step 1 of the current state, to send to connections as they join. */
  syncStep1(): Uint8Array {
    this.#step1 ??= encodeSyncStep1(this.doc)
    return this.#step1
  }

  /** Greets a joining connection: `step1` and the current presence, then its queued messages. */
  welcome(connection: Connection, step1: Uint8Array): void {
    if (connection.closed || !connection.send(step1)) return
    connection.awaitingStep2 = true
    const everyone = this.#awareness.fullMessage()
    if (everyone !== null) connection.send(everyone)
    connection.activate()
  }

  /**
   * The people whose presence shows them in meeting `meetingId`, from connections that may write
   * (a viewer's presence never gets in, and a viewer cannot vote), here or on another instance
   * (whose relayed presence only ever holds its writers'): a vote round waits for everyone.
   */
  presentIn(meetingId: string): Set<PersonId> {
    const present = new Set<PersonId>()
    for (const { owner, state } of this.#awareness.ownedStates()) {
      const writer = owner instanceof Connection ? owner.canWrite && !owner.closed : this.#awareness.isRelayed(owner)
      if (!writer) continue
      const personId = meetingPersonOf(state, meetingId)
      if (personId !== null) present.add(personId)
    }
    return present
  }

  /** The person a connection's presence names (its first state that names one). */
  #personOf(origin: unknown): PersonId | null {
    if (!(origin instanceof Connection)) return null
    for (const state of this.#awareness.statesOf(origin)) {
      const personId = presencePersonOf(state)
      if (personId !== null) return personId
    }
    return null
  }

  *#presenceStates(): Iterable<unknown> {
    for (const { state } of this.#awareness.ownedStates()) yield state
  }

  /** Resolves once the checkpoints asked for so far are written. */
  checkpointsSettled(): Promise<void> {
    return this.#checkpoints?.settled() ?? Promise.resolve()
  }

  /** The connection left: its presence goes with it. */
  release(connection: Connection): void {
    this.#awareness.release(connection)
  }

  handle(connection: Connection, message: ClientMessage): void {
    switch (message.kind) {
      case ClientMessageKind.SyncStep1: {
        const answer = this.#step2For(message.stateVector)
        connection.sendAll(answer, answer.reduce((bytes, m) => bytes + m.length, 0))
        return
      }
      case ClientMessageKind.SyncStep2:
        this.#receiveUpdate(connection, message.update, true)
        return
      case ClientMessageKind.SyncUpdate:
        this.#receiveUpdate(connection, message.update, false)
        return
      case ClientMessageKind.Awareness:
        this.#receiveAwareness(connection, message.update)
        return
      case ClientMessageKind.QueryAwareness: {
        const everyone = this.#awareness.fullMessage()
        if (everyone !== null) connection.send(everyone)
        return
      }
      default:
        unreachable(message, 'message')
    }
  }

  /** Runs `fn` on the document; resolves with its result once the changes it made are durable. */
  async record<T>(fn: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
    const recorder: Promise<boolean>[] = []
    this.#recorders.add(recorder)
    let result: T
    try {
      result = await fn(this.doc)
    } finally {
      this.#recorders.delete(recorder)
    }
    const stored = await Promise.all(recorder)
    if (stored.includes(false)) throw new Error(`workspace ${this.#id}: the change could not be stored`)
    // An async `fn` may outlive a reload; what it did after that went nowhere.
    if (this.#destroyed) throw new Error(`workspace ${this.#id}: the document was closed or reloaded during the change`)
    return result
  }

  /** Sends what is queued now (before a shutdown closes the sockets). */
  flushBroadcasts(): void {
    this.#fanOut.flush()
  }

  /** Drops what is queued for broadcast: nobody is left to receive it (here; the other instances still get it). */
  cancelBroadcasts(): void {
    this.#relay?.flush()
    this.#fanOut.cancel()
  }

  /** Stops timers and listeners and destroys the document. */
  destroy(): void {
    this.#destroyed = true
    this.#relay?.leave()
    this.#step1 = null
    this.#freshStep2 = null
    this.#fanOut.cancel()
    this.persistence.stop()
    this.#awareness.destroy()
    this.#cycleGuard.destroy()
    this.#serverOnly.destroy()
    this.#checkpoints?.destroy()
    this.#attendance.destroy()
    this.#activity?.destroy()
    this.doc.off('update', this.#onUpdate)
    this.doc.off('afterTransactionCleanup', this.#checkClientTransaction)
    this.doc.destroy()
  }

  #receiveUpdate(connection: Connection, update: Uint8Array, isStep2: boolean): void {
    const { limits, metrics } = this.#context
    const guard = connection.role === Role.Owner ? null : this.#cycleGuard
    const input = { update, isStep2, canWrite: connection.canWrite, guard, serverOnly: this.#serverOnly, origin: connection }
    const outcome = applyClientUpdate(this.doc, input, limits, this.persistence)
    switch (outcome.kind) {
      case UpdateOutcomeKind.Applied:
        metrics.updateIn()
        if (isStep2) connection.awaitingStep2 = false
        return
      case UpdateOutcomeKind.Empty:
        if (isStep2) connection.awaitingStep2 = false
        return
      case UpdateOutcomeKind.Refused:
        connection.refuse(outcome.refusal)
        return
      case UpdateOutcomeKind.Dropped:
        metrics.refused(outcome.reason)
        return
      case UpdateOutcomeKind.MissingDependencies:
        // The update overtook what it builds on (edits made offline and typed on before our step 1
        // was answered; another tab of the same browser): the sender's step 2 brings it.
        metrics.refused(RefuseReason.MissingDependency)
        if (!connection.awaitingStep2) {
          connection.awaitingStep2 = true
          connection.send(this.syncStep1())
        }
        return
      case UpdateOutcomeKind.Failed:
        this.#hooks.failed(connection, outcome.error)
        return
      default:
        unreachable(outcome, 'update outcome')
    }
  }

  #receiveAwareness(connection: Connection, payload: Uint8Array): void {
    const entries = decodeAwarenessUpdate(payload)
    if (entries === null) {
      return connection.refuse({ code: CloseCode.BadMessage, reason: RefuseReason.AwarenessMalformed })
    }
    const outcome = this.#awareness.apply(connection, connection.canWrite, entries)
    if (typeof outcome === 'object') return connection.refuse(outcome)
    if (outcome === AwarenessOutcome.ReadOnly) this.#context.metrics.refused(RefuseReason.ViewerAwareness)
  }

  /**
   * Runs after Yjs integrated a client's update and right before it emits 'update': throwing here
   * keeps a crafted update out of storage and off the wire, and makes applyUpdate throw, which
   * reloads the room (the document in memory is not trusted any more).
   */
  readonly #checkClientTransaction = (transaction: Y.Transaction): void => {
    if (!(transaction.origin instanceof Connection)) return
    const problem = checkIntegrated(transaction)
    if (problem !== null) throw new Error(`inconsistent update: ${problem}`)
  }

  #step2For(stateVector: Uint8Array): readonly Uint8Array[] {
    if (!isEmptyStateVector(stateVector)) return encodeSyncAnswer(this.doc, stateVector)
    this.#freshStep2 ??= encodeSyncAnswer(this.doc, stateVector)
    return this.#freshStep2
  }

  /**
   * Every change of the document, from a client or from withDoc: logged, relayed to the other
   * instances, then broadcast. A change another instance accepted is that instance's to log (see
   * DocPersistence.relayed): every instance logging it too would multiply the writes to the shared
   * store for nothing.
   */
  readonly #onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.#step1 = null
    this.#freshStep2 = null
    if (origin === RELAYED) {
      this.persistence.relayed(update)
      // Another instance's broadcast window already held it: it is not held for ours as well.
      this.#fanOut.queueBatch(update)
      return
    }
    const appended = this.persistence.append(update)
    for (const recorder of this.#recorders) recorder.push(appended)
    this.#relay?.updated(update, origin)
    this.#fanOut.queueUpdate(update)
  }

  /**
   * The same bytes to every connection, the sender included: y-websocket 3 awaits its echo. The
   * same array for all of them: the socket frames it once (see server/sync/WsRoomSocket.ts).
   */
  #broadcast(messages: readonly Uint8Array[], updates: number): void {
    let bytes = 0
    for (const message of messages) bytes += message.length
    let sent = 0
    for (const connection of this.#hooks.receivers()) if (connection.sendAll(messages, bytes)) sent++
    this.#context.metrics.updatesOut(sent * updates)
  }
}

/** The state vector of an empty document: no clients (`encodeStateVector(new Y.Doc())`). */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0
}
