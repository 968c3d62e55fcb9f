/**
 * @module Encoders for what the server sends: y-websocket protocol messages, one per frame. Each
 * is built once and the same bytes go to every receiver.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import type { AwarenessEntry } from '../../shared/protocol/decodeAwareness.ts'
import { MessageType, SyncStep } from '../../shared/protocol/index.ts'
import { syncPieces } from '../../shared/doc/syncPieces.ts'

/**
 * The size of one piece of a large answer to sync step 1: a browser on a slow laptop integrates
 * 64 KB of a board in about 40 ms, so each piece is one short task.
 */
export const SYNC_PIECE_BYTES = 64 * 1024

/** Sync step 1: the server's state vector, asking the client for what the server lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return syncMessage(SyncStep.Step1, Y.encodeStateVector(doc))
}

/** Sync step 2: everything in `doc` that a peer with `stateVector` lacks. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return syncMessage(SyncStep.Step2, Y.encodeStateAsUpdate(doc, stateVector))
}

/**
 * The answer to a peer's sync step 1: what it lacks. A large answer is cut into update messages
 * first (syncPieces), one task each in the browser, and sync step 2, after which y-websocket
 * reports "synced", carries the rest (the delete set, and nothing else when the pieces hold all).
 */
export function encodeSyncAnswer(doc: Y.Doc, stateVector: Uint8Array, pieceBytes = SYNC_PIECE_BYTES): Uint8Array[] {
  const { pieces, reached } = syncPieces(doc, stateVector, pieceBytes)
  return [...pieces.map(encodeSyncUpdate), encodeSyncStep2(doc, reached)]
}

/** A sync update message carrying `update`. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return syncMessage(SyncStep.Update, update)
}

/** An awareness message carrying an encoded awareness update. */
export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Awareness)
  encoding.writeVarUint8Array(encoder, awarenessUpdate)
  return encoding.toUint8Array(encoder)
}

/**
 * Re-encodes accepted entries as an awareness update (y-protocols' format). A state's raw UTF-8
 * bytes written with their length are exactly what `writeVarString` would write.
 */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarUint8Array(encoder, entry.state)
  }
  return encoding.toUint8Array(encoder)
}

/**
 * The payload is copied once, into a buffer of the exact size: a sync step 2 of a large board is a
 * megabyte, which lib0's growing encoder would copy twice.
 */
function syncMessage(step: SyncStep, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint(encoder, payload.length)
  const head = encoding.toUint8Array(encoder)
  const message = new Uint8Array(head.length + payload.length)
  message.set(head)
  message.set(payload, head.length)
  return message
}
