/**
 * @module What a peer lacks, cut into updates of about `pieceBytes` each, so that a browser
 * integrates a large board in several short tasks instead of one long one (a 2,000-card board's
 * sync step 2 is 680 KB, one task of 400 ms to 1 s). Each piece is a run of one client's structs
 * in clock order with the deletions inside that run: no deleted card or typed-over text shows
 * until the end, and the pieces of one writer's structs (an imported board) integrate at once; a
 * struct that refers to another client's later piece waits in Yjs until that piece arrives. Uses
 * Yjs's exported encoder and the structs' own `write`, the same calls `encodeStateAsUpdate` makes.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

export interface SyncPieces {
  /** Updates to apply in order; empty when what is lacking fits in one piece. */
  readonly pieces: readonly Uint8Array[]
  /** The state vector a peer reaches with the pieces (encoded): sync step 2 sends the rest from it. */
  readonly reached: Uint8Array
}

type Struct = Y.Item | Y.GC

/** How often (in structs) a piece's size is measured: measuring walks the encoder's buffers. */
const MEASURE_EVERY = 32

/** Cuts what a peer at `stateVector` lacks into pieces of about `pieceBytes` (see the module). */
export function syncPieces(doc: Y.Doc, stateVector: Uint8Array, pieceBytes: number): SyncPieces {
  const known = Y.decodeStateVector(stateVector)
  const deleted = Y.createDeleteSetFromStructStore(doc.store).clients
  const reached = new Map(known)
  const pieces: Uint8Array[] = []
  // Highest client first, as Yjs writes them.
  const clients = [...doc.store.clients.entries()].sort((a, b) => b[0] - a[0])
  for (const [client, structs] of clients) {
    const last = structs[structs.length - 1]!
    const end = last.id.clock + last.length
    let clock = Math.max(known.get(client) ?? 0, structs[0]!.id.clock)
    if (clock >= end) continue
    let index = Y.findIndexSS(structs, clock)
    while (index < structs.length) {
      const from = clock
      const encoder = new Y.UpdateEncoderV1()
      let count = 0
      while (index < structs.length) {
        const struct = structs[index] as Struct
        struct.write(encoder, count === 0 ? clock - struct.id.clock : 0)
        count++
        index++
        clock = struct.id.clock + struct.length
        if (count % MEASURE_EVERY === 0 && encoding.length(encoder.restEncoder) >= pieceBytes) break
      }
      pieces.push(piece(client, from, clock, count, encoding.toUint8Array(encoder.restEncoder), deleted.get(client) ?? []))
      reached.set(client, clock)
    }
  }
  if (pieces.length <= 1) return { pieces: [], reached: stateVector }
  return { pieces, reached: Y.encodeStateVector(reached) }
}

/** One update: a single client's `count` structs from `from` (already written) and its deletions in [from, to). */
function piece(client: number, from: number, to: number, count: number, structs: Uint8Array, deleted: ReadonlyArray<{ clock: number; len: number }>): Uint8Array {
  const head = encoding.createEncoder()
  encoding.writeVarUint(head, 1)
  encoding.writeVarUint(head, count)
  encoding.writeVarUint(head, client)
  encoding.writeVarUint(head, from)
  const tail = encoding.createEncoder()
  const ranges: Array<readonly [number, number]> = []
  for (const { clock, len } of deleted) {
    const start = Math.max(clock, from)
    const stop = Math.min(clock + len, to)
    if (start < stop) ranges.push([start, stop - start])
  }
  // The delete set in Yjs's V1 layout (writeDeleteSet): clients, then each one's ranges.
  encoding.writeVarUint(tail, ranges.length === 0 ? 0 : 1)
  if (ranges.length > 0) {
    encoding.writeVarUint(tail, client)
    encoding.writeVarUint(tail, ranges.length)
    for (const [clock, len] of ranges) {
      encoding.writeVarUint(tail, clock)
      encoding.writeVarUint(tail, len)
    }
  }
  const parts = [encoding.toUint8Array(head), structs, encoding.toUint8Array(tail)]
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
