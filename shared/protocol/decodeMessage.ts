/**
 * @module Decodes one binary frame from a sync client into a typed message. Every byte is untrusted:
 * nothing here throws, and nothing is allocated because a header claims it.
 */
import * as decoding from 'lib0/decoding'
import { MessageType, SyncStep } from './messageType.ts'

/** What a client may send, one message per frame (y-websocket 3 sends and reads one per frame). */
export const ClientMessageKind = {
  SyncStep1: 'sync-step1',
  SyncStep2: 'sync-step2',
  SyncUpdate: 'sync-update',
  Awareness: 'awareness',
  QueryAwareness: 'query-awareness',
} as const
export type ClientMessageKind = (typeof ClientMessageKind)[keyof typeof ClientMessageKind]

export type ClientMessage =
  | { readonly kind: typeof ClientMessageKind.SyncStep1; readonly stateVector: Uint8Array }
  | { readonly kind: typeof ClientMessageKind.SyncStep2; readonly update: Uint8Array }
  | { readonly kind: typeof ClientMessageKind.SyncUpdate; readonly update: Uint8Array }
  /** `update` is the raw awareness payload; see decodeAwarenessUpdate. */
  | { readonly kind: typeof ClientMessageKind.Awareness; readonly update: Uint8Array }
  | { readonly kind: typeof ClientMessageKind.QueryAwareness }

export const FrameProblem = {
  /** Truncated, trailing bytes, a varint out of range: not a protocol message. */
  Malformed: 'malformed',
  /** A message or sync type a client may not send (including auth, which only servers send). */
  UnknownType: 'unknown-type',
} as const
export type FrameProblem = (typeof FrameProblem)[keyof typeof FrameProblem]

export type DecodedFrame =
  | { readonly ok: true; readonly message: ClientMessage }
  | { readonly ok: false; readonly problem: FrameProblem }

/**
 * Decodes `frame` as exactly one y-websocket protocol message. Payloads are views into `frame`
 * (no copy); the update inside a sync message is only framed here, validateUpdate checks it.
 */
export function decodeClientMessage(frame: Uint8Array): DecodedFrame {
  try {
    return decodeOrThrow(frame)
  } catch {
    // lib0 throws on truncation and out-of-range varints: all of it is just a malformed frame.
    return { ok: false, problem: FrameProblem.Malformed }
  }
}

function decodeOrThrow(frame: Uint8Array): DecodedFrame {
  const decoder = decoding.createDecoder(frame)
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case MessageType.Sync: {
      const step = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (decoding.hasContent(decoder)) return malformed()
      switch (step) {
        case SyncStep.Step1:
          return isStateVector(payload)
            ? ok({ kind: ClientMessageKind.SyncStep1, stateVector: payload })
            : malformed()
        case SyncStep.Step2:
          return ok({ kind: ClientMessageKind.SyncStep2, update: payload })
        case SyncStep.Update:
          return ok({ kind: ClientMessageKind.SyncUpdate, update: payload })
        default:
          return { ok: false, problem: FrameProblem.UnknownType }
      }
    }
    case MessageType.Awareness: {
      const payload = decoding.readVarUint8Array(decoder)
      if (decoding.hasContent(decoder)) return malformed()
      return ok({ kind: ClientMessageKind.Awareness, update: payload })
    }
    case MessageType.QueryAwareness:
      if (decoding.hasContent(decoder)) return malformed()
      return ok({ kind: ClientMessageKind.QueryAwareness })
    default:
      return { ok: false, problem: FrameProblem.UnknownType }
  }
}

/** A Yjs state vector: a count, then that many (client, clock) varint pairs, nothing after. */
function isStateVector(bytes: Uint8Array): boolean {
  const decoder = decoding.createDecoder(bytes)
  const count = decoding.readVarUint(decoder)
  // Each pair takes at least two bytes: a count beyond that is a lie, refused before looping.
  if (count > bytes.length) return false
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder)
    decoding.readVarUint(decoder)
  }
  return !decoding.hasContent(decoder)
}

function ok(message: ClientMessage): DecodedFrame {
  return { ok: true, message }
}

function malformed(): DecodedFrame {
  return { ok: false, problem: FrameProblem.Malformed }
}
