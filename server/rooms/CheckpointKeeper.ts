/**
 * @module Takes a room's dated checkpoints (issue "the meeting remembers"): when a meeting starts
 * and when it ends, when a cycle is published or closed, and once a day while the workspace
 * changes. It watches the meeting root and the cycles root only, so a room pays nothing for it
 * beyond one clock comparison per transaction. The state is encoded in the transaction that made
 * the change (the checkpoint is that moment), then written in the background, in order.
 */
import * as Y from 'yjs'
import { Root } from '../../shared/doc/index.ts'
import { CycleStatus, MeetingStatus } from '../../shared/model/index.ts'
import { CheckpointReason } from '../../shared/protocol/index.ts'
import type { CheckpointStore } from '../storage/CheckpointStore.ts'
import { describeError } from './describeError.ts'
import { RELAYED } from './relayed.ts'

export const DAY_MS = 86_400_000

export interface CheckpointKeeperOptions {
  readonly workspaceId: string
  readonly store: CheckpointStore
  readonly now: () => number
  readonly log: (line: string) => void
  /** Checkpoints older than this are removed after each new one (0 keeps all). */
  readonly retentionDays: number
}

interface MeetingMark {
  readonly id: string
  readonly status: string
}

export class CheckpointKeeper {
  readonly #doc: Y.Doc
  readonly #options: CheckpointKeeperOptions
  #lastAt: number
  #lastTaken = 0
  /** The transaction being looked at came from another instance (see #onTransaction). */
  #following = false
  #meeting: MeetingMark | null
  readonly #cycleStatus = new Map<string, string>()
  #writing: Promise<void> = Promise.resolve()
  readonly #ready: Promise<void>

  constructor(doc: Y.Doc, options: CheckpointKeeperOptions) {
    this.#doc = doc
    this.#options = options
    // Until the store says when the last one was taken, a day counts from now.
    this.#lastAt = options.now()
    this.#ready = options.store
      .list(options.workspaceId)
      .then((list) => {
        const last = list[list.length - 1]
        if (last !== undefined && last.at > this.#lastTaken) this.#lastAt = last.at
        else if (last === undefined) this.#lastAt = 0
      })
      .catch((error: unknown) => options.log(`checkpoints ${options.workspaceId}: ${describeError(error)}`))
    this.#meeting = this.#readMeeting()
    doc.getMap(Root.Cycles).forEach((value, id) => this.#cycleStatus.set(id, statusOf(value)))
    doc.on('afterTransaction', this.#onTransaction)
  }

  /** Resolves once it knows when the workspace's last checkpoint was taken. */
  ready(): Promise<void> {
    return this.#ready
  }

  /** Resolves once every checkpoint asked for so far is written (tests, shutdown). */
  settled(): Promise<void> {
    return this.#writing
  }

  destroy(): void {
    this.#doc.off('afterTransaction', this.#onTransaction)
  }

  readonly #onTransaction = (tr: Y.Transaction): void => {
    if (tr.changed.size === 0) return
    // The instance that accepted a relayed change takes its checkpoint; this one only follows.
    this.#following = tr.origin === RELAYED
    // A root is among changedParentTypes when anything under it changed (what observeDeep reports).
    const changed = tr.changedParentTypes as Map<unknown, unknown>
    if (changed.has(this.#doc.getMap(Root.Meeting))) this.#meetingChanged()
    if (changed.has(this.#doc.getMap(Root.Cycles))) this.#cyclesChanged()
    if (this.#options.now() - this.#lastAt >= DAY_MS) this.#take(CheckpointReason.Daily, null)
  }

  #meetingChanged(): void {
    const now = this.#readMeeting()
    const was = this.#meeting
    this.#meeting = now
    if (now === null) return
    if (now.status === MeetingStatus.Running && (was === null || was.id !== now.id)) {
      this.#take(CheckpointReason.MeetingStart, now.id)
    } else if (now.status === MeetingStatus.Ended && (was === null || was.id !== now.id || was.status !== MeetingStatus.Ended)) {
      this.#take(CheckpointReason.MeetingEnd, now.id)
    }
  }

  #cyclesChanged(): void {
    this.#doc.getMap(Root.Cycles).forEach((value, id) => {
      const status = statusOf(value)
      const was = this.#cycleStatus.get(id)
      this.#cycleStatus.set(id, status)
      if (was === undefined || was === status) return
      if (status === CycleStatus.Published) this.#take(CheckpointReason.Publish, null)
      else if (status === CycleStatus.Closed) this.#take(CheckpointReason.Close, null)
    })
  }

  #readMeeting(): MeetingMark | null {
    const m = this.#doc.getMap(Root.Meeting).get('current')
    if (!(m instanceof Y.Map)) return null
    const id = m.get('id')
    const status = m.get('status')
    return typeof id === 'string' && typeof status === 'string' ? { id, status } : null
  }

  #take(reason: CheckpointReason, meetingId: string | null): void {
    if (this.#following) return
    // Strictly increasing: ids sort by time, and two at one millisecond never share a name.
    const at = Math.max(this.#options.now(), this.#lastTaken + 1)
    this.#lastAt = at
    this.#lastTaken = at
    const state = Y.encodeStateAsUpdate(this.#doc)
    const { store, workspaceId, log } = this.#options
    this.#writing = this.#writing.then(async () => {
      try {
        await store.write(workspaceId, at, reason, meetingId, state)
        const { retentionDays } = this.#options
        if (retentionDays > 0) await store.prune(workspaceId, at - retentionDays * DAY_MS)
      } catch (error) {
        log(`checkpoint ${workspaceId} ${reason}: ${describeError(error)}`)
      }
    })
  }
}

function statusOf(value: unknown): string {
  return value instanceof Y.Map && typeof value.get('status') === 'string' ? (value.get('status') as string) : ''
}
