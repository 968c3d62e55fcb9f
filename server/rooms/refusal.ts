/**
 * @module Why the server refused something a client sent, and the close code each refusal carries.
 * The reasons double as the `reason` label of `roundtable_refused_messages_total`.
 */
import { unreachable } from '../../shared/model/index.ts'
import { AwarenessProblem } from '../../shared/protocol/decodeAwareness.ts'
import { FrameProblem } from '../../shared/protocol/decodeMessage.ts'
import { CloseCode } from '../../shared/protocol/index.ts'
import { UpdateProblem } from '../../shared/protocol/validateUpdate.ts'

export const RefuseReason = {
  /** A frame larger than `maxMessageBytes`. */
  MessageTooLarge: 'message_too_large',
  /** More messages or bytes per second than the token buckets allow. */
  TooFast: 'too_fast',
  /** More bytes sent before the document loaded than the queue holds. */
  QueueFull: 'queue_full',
  /** Bytes that are not a protocol message. */
  Malformed: 'malformed',
  /** A message type a client may not send. */
  UnknownType: 'unknown_type',
  /** An update with the legacy JSON content type. */
  JsonContent: 'json_content',
  /** An update creating a subdocument. */
  Subdocument: 'subdocument',
  /** A value nested deeper than `updateDepth`. */
  TooDeep: 'too_deep',
  /** More delete ranges than `updateDeleteRanges`. */
  TooManyDeletes: 'too_many_deletes',
  /** An update that would grow the document past `maxDocBytes`. */
  DocTooLarge: 'doc_too_large',
  /** Structs or deletes depending on clocks the server does not have (dropped, see Room). */
  MissingDependency: 'missing_dependency',
  /** An update that threw while being applied. */
  ApplyFailed: 'apply_failed',
  /** A viewer sending a change. */
  ViewerWrite: 'viewer_write',
  /** An editor changing what only an owner may: a cycle's status, its stamps or its reopening log. */
  OwnerOnly: 'owner_only',
  /** Anyone, owners included, writing to a root only the server writes (the vote rounds). */
  ServerOnly: 'server_only',
  /** A viewer's non-empty sync step 2: dropped, the connection stays. */
  ViewerSyncStep2: 'viewer_sync_step2',
  /** A viewer's own presence: dropped, the connection stays. */
  ViewerAwareness: 'viewer_awareness',
  /** Too many awareness entries in one message, or client ids for one connection. */
  AwarenessTooMany: 'awareness_too_many',
  /** An awareness state larger than `awarenessStateBytes`. */
  AwarenessTooLarge: 'awareness_too_large',
  /** An awareness state nested deeper than `awarenessDepth`. */
  AwarenessTooDeep: 'awareness_too_deep',
  /** An awareness payload or state that does not decode. */
  AwarenessMalformed: 'awareness_malformed',
  /** Bytes queued for a socket passed `maxBufferedBytes`: it stopped reading. */
  SlowReader: 'slow_reader',
} as const
export type RefuseReason = (typeof RefuseReason)[keyof typeof RefuseReason]

/** A decision to close one connection: the code the client sees and the reason we count and log. */
export interface Refusal {
  readonly code: CloseCode
  readonly reason: RefuseReason
  /** For the log line only; never sent to the client. */
  readonly detail?: string
}

export function refusalForFrame(problem: FrameProblem): Refusal {
  switch (problem) {
    case FrameProblem.Malformed:
      return { code: CloseCode.BadMessage, reason: RefuseReason.Malformed }
    case FrameProblem.UnknownType:
      return { code: CloseCode.BadMessage, reason: RefuseReason.UnknownType }
    default:
      return unreachable(problem, 'problem')
  }
}

export function refusalForUpdate(problem: UpdateProblem, detail: string): Refusal {
  switch (problem) {
    case UpdateProblem.Malformed:
      return { code: CloseCode.BadMessage, reason: RefuseReason.Malformed, detail }
    case UpdateProblem.JsonContent:
      return { code: CloseCode.BadMessage, reason: RefuseReason.JsonContent, detail }
    case UpdateProblem.Subdocument:
      return { code: CloseCode.BadMessage, reason: RefuseReason.Subdocument, detail }
    case UpdateProblem.TooDeep:
      return { code: CloseCode.BadMessage, reason: RefuseReason.TooDeep, detail }
    case UpdateProblem.TooManyDeletes:
      return { code: CloseCode.TooLarge, reason: RefuseReason.TooManyDeletes, detail }
    default:
      return unreachable(problem, 'problem')
  }
}

export function refusalForAwareness(problem: AwarenessProblem): Refusal {
  switch (problem) {
    case AwarenessProblem.Malformed:
      return { code: CloseCode.BadMessage, reason: RefuseReason.AwarenessMalformed }
    case AwarenessProblem.TooLarge:
      return { code: CloseCode.TooLarge, reason: RefuseReason.AwarenessTooLarge }
    case AwarenessProblem.TooDeep:
      return { code: CloseCode.BadMessage, reason: RefuseReason.AwarenessTooDeep }
    default:
      return unreachable(problem, 'problem')
  }
}
