/**
 * @module One document's records that are in the journal and not yet in a log, held the way the
 * log will hold them: encoded records (length, crc32, payload) packed into a few large chunks.
 * A busy document keeps tens of thousands of small updates here between checkpoints; kept as one
 * Uint8Array each, every update cost about 200 bytes of bookkeeping beyond its own bytes (an
 * ArrayBuffer, its view and its backing store), and one more ArrayBuffer for every GC to track.
 */
import { crc32 } from './crc32.ts'
import { decodeRecords, RECORD_HEADER_BYTES } from './updateLog.ts'

/** The first chunk's size (small: most documents wait with a few updates); each new chunk doubles it, up to the largest. */
const FIRST_CHUNK_BYTES = 256
const LARGEST_CHUNK_BYTES = 64 * 1024

export class PendingRecords {
  /** Filled chunks, each cut to the bytes it holds, oldest first. */
  readonly #sealed: Uint8Array[] = []
  /** The chunk records are added to, filled up to `#used`. */
  #tail: Uint8Array | null = null
  #used = 0
  #bytes = 0
  #nextChunkBytes = FIRST_CHUNK_BYTES

  /** Encoded bytes held: what writing them to a log adds to it. */
  get byteLength(): number {
    return this.#bytes
  }

  get empty(): boolean {
    return this.#bytes === 0
  }

  /** Appends `update` as one record; it is copied. */
  add(update: Uint8Array): void {
    const size = RECORD_HEADER_BYTES + update.byteLength
    if (this.#tail === null || this.#tail.byteLength - this.#used < size) this.#grow(size)
    const tail = this.#tail!
    const at = this.#used
    const view = new DataView(tail.buffer, tail.byteOffset + at, RECORD_HEADER_BYTES)
    view.setUint32(0, update.byteLength, true)
    view.setUint32(4, crc32(update), true)
    tail.set(update, at + RECORD_HEADER_BYTES)
    this.#used += size
    this.#bytes += size
  }

  /**
   * Every record held, encoded, in order: what a checkpoint writes. Records added from now on go to
   * a new chunk, so that `drop` can later remove exactly these.
   */
  seal(): readonly Uint8Array[] {
    this.#sealTail()
    return [...this.#sealed]
  }

  /** Removes the chunks `seal` returned (now in a log); records added since stay. */
  drop(sealed: readonly Uint8Array[]): void {
    for (const chunk of sealed) {
      if (this.#sealed[0] !== chunk) throw new Error('pending records dropped out of order')
      this.#sealed.shift()
      this.#bytes -= chunk.byteLength
    }
  }

  /** A copy of each update held, in order. */
  updates(): Uint8Array[] {
    const updates: Uint8Array[] = []
    const chunks = this.#tail === null ? this.#sealed : [...this.#sealed, this.#tail.subarray(0, this.#used)]
    for (const chunk of chunks) updates.push(...decodeRecords(chunk).records)
    return updates
  }

  #grow(size: number): void {
    this.#sealTail()
    this.#tail = new Uint8Array(Math.max(size, this.#nextChunkBytes))
    this.#nextChunkBytes = Math.min(this.#nextChunkBytes * 2, LARGEST_CHUNK_BYTES)
  }

  #sealTail(): void {
    if (this.#tail !== null && this.#used > 0) this.#sealed.push(this.#tail.subarray(0, this.#used))
    this.#tail = null
    this.#used = 0
  }
}
