/**
 * @module What the orchestrator asks the load generator to do (over the child's IPC channel, with
 * structured-clone serialization so updates travel as Uint8Arrays) and what it answers.
 */
import type { RoomAddress } from './BenchClient.ts'

interface Common {
  /** The server process measured through /proc. */
  readonly serverPid: number
  /** Its inspector port (opened by SIGUSR1), to collect garbage before memory is read. */
  readonly inspectPort: number
  /**
   * An update every room starts from, pushed by the room's holder before anything is measured:
   * a Roundtable workspace's initial content, given to the other peers so every client syncs the
   * same document everywhere. Undefined for Roundtable, whose workspaces already hold it.
   */
  readonly seed: Uint8Array | undefined
}

export interface FanOutCommand extends Common {
  readonly kind: 'fan-out'
  readonly rooms: readonly RoomAddress[]
  readonly clientsPerRoom: number
  readonly cardsPerRoom: number
  readonly moveIntervalMs: number
  readonly warmupMs: number
  readonly measureMs: number
}

/**
 * The independent harness's method (held.ts): stock y-websocket providers, `clientsPerRoom` per
 * room moving a card every `moveIntervalMs` (0: idle, presence only), memory read as held.
 */
export interface HeldCommand extends Common {
  readonly kind: 'held'
  readonly rooms: readonly RoomAddress[]
  readonly clientsPerRoom: number
  readonly cardsPerRoom: number
  readonly moveIntervalMs: number
  readonly warmupMs: number
  readonly measureMs: number
  /** A forced GC once the clients connected (fan-out's method), to measure what it changes. */
  readonly collectAfterConnect: boolean
  /**
   * Two instances (issue 18): the same rooms on instance B and its pid. Each room's clients are
   * split across both; holders stay on A. No forced GC then (`inspectPort` 0).
   */
  readonly second?: { readonly rooms: readonly RoomAddress[]; readonly serverPid: number }
  /** Processes whose CPU is reported apart (redis-server, PostgreSQL's postmaster with its backends). */
  readonly sides?: Readonly<Record<string, number>>
}

export interface StormCommand extends Common {
  readonly kind: 'storm'
  readonly rooms: readonly RoomAddress[]
  readonly clients: number
  readonly cardsPerRoom: number
  readonly timeoutMs: number
}

export interface ColdLoadCommand extends Common {
  readonly kind: 'cold-load'
  readonly room: RoomAddress
  readonly cards: number
  readonly edits: number
  /** Fresh clients measured one after the other. */
  readonly fresh: number
  /** Roundtable only: also measure loads from disk, watching this /metrics URL for unloads. */
  readonly metricsUrl?: string
}

export interface ThroughputCommand extends Common {
  readonly kind: 'throughput'
  readonly room: RoomAddress
  readonly writers: number
  /** Own updates a writer may have sent and not seen echoed yet. */
  readonly inFlight: number
  readonly warmupMs: number
  readonly measureMs: number
}

export interface DurabilityCommand {
  readonly kind: 'durability'
  readonly serverPid: number
  readonly room: RoomAddress
  readonly kills: number
  readonly writesPerSecond: number
  /** The writer runs this long (ms, from..to, seeded) before the kill. */
  readonly killAfterMs: readonly [number, number]
}

/**
 * Follow latency (Roundtable only): `participants` clients in one meeting, the first facilitating;
 * `warmupSteps` untimed moves to the next agenda item, then `steps` timed ones, `pauseMs` apart.
 */
export interface MeetingCommand {
  readonly kind: 'meeting'
  readonly serverPid: number
  readonly room: RoomAddress
  readonly participants: number
  /** KRs in the meeting's cycle: the weekly agenda's items. */
  readonly keyResults: number
  readonly warmupSteps: number
  readonly steps: number
  readonly pauseMs: number
  /** The server's idle CPU is measured over this long before the steps. */
  readonly idleMs: number
  /** The timed steps stop after this long from the start of the run. */
  readonly timeLimitMs: number
}

/** The sizes and rates of the checkpoint scenario, as the suites set them (bench/scenarios.ts). */
export interface CheckpointShape {
  readonly cards: number
  /** Clients in the room, each moving a card every `moveIntervalMs`. */
  readonly clients: number
  readonly moveIntervalMs: number
  readonly warmupMs: number
  readonly stretchMs: number
  /** A meeting is started or ended (each a checkpoint) this often during the checkpoint stretch. */
  readonly checkpointEveryMs: number
  /** Clients asking `/changes` back to back during the changes stretch. */
  readonly requesters: number
  /** Repeats of each in-process measurement (their median is reported). */
  readonly runs: number
  /** Card moves made on the in-process boards with the activity log on and off. */
  readonly activityMoves: number
}

/**
 * What the meeting's memory costs (Roundtable only): checkpoint and diff costs in process, then
 * fan-out latency on a `cards`-card board while checkpoints are forced and while `/changes` is
 * asked back to back, each stretch `stretchMs` long (see checkpoint.ts).
 */
export interface CheckpointCommand extends CheckpointShape {
  readonly kind: 'checkpoint'
  readonly serverPid: number
  readonly room: RoomAddress
}

/** Syncs a client with `room` and returns the document as one update. */
export interface CaptureCommand {
  readonly kind: 'capture'
  readonly room: RoomAddress
}

export type LoadCommand =
  | FanOutCommand
  | HeldCommand
  | StormCommand
  | ColdLoadCommand
  | ThroughputCommand
  | DurabilityCommand
  | MeetingCommand
  | CheckpointCommand
  | CaptureCommand

/** Figures of one run: names to numbers (NaN when not measured), plus notes. */
export interface LoadResult {
  readonly figures: Readonly<Record<string, number>>
  readonly notes: readonly string[]
  /** Raw bytes, for `capture`. */
  readonly bytes?: Uint8Array
}

/** Parent -> child. */
export type ParentMessage =
  | { readonly type: 'run'; readonly id: number; readonly command: LoadCommand }
  | { readonly type: 'reply'; readonly id: number; readonly body: DurabilityReply }
  | { readonly type: 'exit' }

/** Child -> parent. */
export type ChildMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly id: number; readonly result: LoadResult }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
  | { readonly type: 'request'; readonly id: number; readonly body: DurabilityRequest }

/** During a durability run the child asks the orchestrator to kill and restart the server. */
export type DurabilityRequest = { readonly kind: 'kill' } | { readonly kind: 'restart' }

export type DurabilityReply =
  | { readonly kind: 'killed'; readonly killedAt: number }
  | { readonly kind: 'restarted'; readonly serverPid: number }
