/**
 * @module The heavy part of the memory routes as one pure function of byte arrays: "what changed"
 * between two whole-document states, and a meeting's minutes from the states at its start and end.
 * Both read every record of both states (about 100-250 ms on a 2,000-card board), so the server
 * runs them in its history worker (HistoryWorker.ts), never on the thread that serves the rooms.
 */
import { readState, stateVectorOf } from '../../shared/doc/index.ts'
import { unreachable } from '../../shared/model/index.ts'
import type { PersonId } from '../../shared/model/index.ts'
import { changesBetween, meetingMinutes } from '../../shared/rules/index.ts'
import { minutesMarkdown } from '../export/minutesMarkdown.ts'

export const MinutesFormat = { Json: 'json', Markdown: 'markdown' } as const
export type MinutesFormat = (typeof MinutesFormat)[keyof typeof MinutesFormat]

/** Every state is an encoded Yjs update of a whole document (a checkpoint, or the live one now). */
export type HistoryJob =
  | {
      readonly kind: 'changes'
      readonly before: Uint8Array
      /** The live document: its whole state, or what it holds beyond `before` (encodeState since `before`'s vector). */
      readonly after: Uint8Array
      readonly from: number
      readonly to: number
    }
  /** A checkpoint's state vector, so the live document can be encoded as what it holds beyond it. */
  | { readonly kind: 'stateVector'; readonly state: Uint8Array }
  | {
      readonly kind: 'minutes'
      readonly meetingId: string
      /** The state when the meeting started; null when that checkpoint is missing. */
      readonly start: Uint8Array | null
      /** The state when it ended, or now while it runs. */
      readonly end: Uint8Array
      readonly now: number
      readonly format: MinutesFormat
    }

/**
 * What each kind of job gives: the JSON of the changes, the state vector, or the JSON of
 * `{ minutes }` or their Markdown (null when the end state holds no meeting with that id).
 */
export interface HistoryResults {
  readonly changes: string
  readonly stateVector: Uint8Array
  readonly minutes: string | null
}
export type HistoryResult = HistoryResults[HistoryJob['kind']]
export type ResultOf<J extends HistoryJob> = HistoryResults[J['kind']]

export function runHistoryJob<J extends HistoryJob>(job: J): ResultOf<J> {
  return run(job) as ResultOf<J>
}

function run(job: HistoryJob): HistoryResult {
  switch (job.kind) {
    case 'changes':
      // `after` applied on top of `before`: the live state, whether `after` is whole or only the rest.
      return JSON.stringify(changesBetween(readState(job.before).snapshot, readState(job.before, job.after).snapshot, job.from, job.to))
    case 'stateVector':
      return stateVectorOf(job.state)
    case 'minutes': {
      const after = readState(job.end)
      const meeting = after.meeting.meeting?.id === job.meetingId ? after.meeting.meeting : null
      if (meeting === null) return null
      const minutes = meetingMinutes({
        meeting,
        voteRounds: after.meeting.voteRounds,
        before: job.start === null ? after.snapshot : readState(job.start).snapshot,
        after: after.snapshot,
        endedAt: meeting.endedAt ?? job.now,
        attendeeIds: new Set<PersonId>(meeting.attendeeIds),
      })
      return job.format === MinutesFormat.Json ? JSON.stringify({ minutes }) : minutesMarkdown(minutes, after.snapshot)
    }
    default:
      return unreachable(job, 'history job')
  }
}
