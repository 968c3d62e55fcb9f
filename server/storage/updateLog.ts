/**
 * @module The append-only update log: records `[u32 length][u32 crc32 of payload][payload]`
 * (little-endian), a reader that stops at a torn tail, and a writer that cuts the torn tail off.
 */
import { constants } from 'node:fs'
import { open, readFile } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { crc32 } from './crc32.ts'

/** Bytes before each payload: length, then checksum. */
export const RECORD_HEADER_BYTES = 8

/** Why reading stopped before the end of the bytes; `null` when every byte was a whole record. */
export type TornTail = null | 'short-header' | 'short-payload' | 'bad-checksum'

export interface DecodedLog {
  /** Payloads of the complete, checksummed records, in order. */
  readonly records: Uint8Array[]
  /** Length of the prefix made of those records: where the next record belongs. */
  readonly validBytes: number
  readonly torn: TornTail
}

/** Frames each payload as one log record, all concatenated: what one write of a batch puts on disk. */
export function encodeRecords(payloads: readonly Uint8Array[]): Uint8Array {
  let total = 0
  for (const p of payloads) total += RECORD_HEADER_BYTES + p.byteLength
  const out = new Uint8Array(total)
  const view = new DataView(out.buffer)
  let at = 0
  for (const p of payloads) {
    view.setUint32(at, p.byteLength, true)
    view.setUint32(at + 4, crc32(p), true)
    out.set(p, at + RECORD_HEADER_BYTES)
    at += RECORD_HEADER_BYTES + p.byteLength
  }
  return out
}

/**
 * Reads records one at a time and stops at the first one that is not whole and intact. A crash can
 * only tear the last batch written, so everything before the stop was acknowledged and is kept;
 * nothing after it is trusted, because a bad length makes every later boundary meaningless.
 */
export function decodeRecords(bytes: Uint8Array): DecodedLog {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const records: Uint8Array[] = []
  let at = 0
  while (at < bytes.byteLength) {
    if (bytes.byteLength - at < RECORD_HEADER_BYTES) return { records, validBytes: at, torn: 'short-header' }
    const length = view.getUint32(at, true)
    const checksum = view.getUint32(at + 4, true)
    const start = at + RECORD_HEADER_BYTES
    if (bytes.byteLength - start < length) return { records, validBytes: at, torn: 'short-payload' }
    const payload = bytes.subarray(start, start + length)
    if (crc32(payload) !== checksum) return { records, validBytes: at, torn: 'bad-checksum' }
    records.push(payload.slice())
    at = start + length
  }
  return { records, validBytes: at, torn: null }
}

/** Decodes the log at `path`; a missing file is an empty log. */
export async function readLog(path: string): Promise<DecodedLog> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], validBytes: 0, torn: null }
    throw error
  }
  return decodeRecords(bytes)
}

/** Appends batches of records to one log file, each batch one synced write. */
export class LogWriter {
  readonly path: string
  readonly #handle: FileHandle
  #size: number
  /** True when `open` created the file: its directory entry still has to be made durable. */
  readonly created: boolean
  /** Bytes of torn tail that `open` cut off (0 for a clean or new file). */
  readonly truncatedBytes: number

  private constructor(path: string, handle: FileHandle, size: number, created: boolean, truncated: number) {
    this.path = path
    this.#handle = handle
    this.#size = size
    this.created = created
    this.truncatedBytes = truncated
  }

  /**
   * Opens (or creates) the log at `path` for appending. An existing file is scanned and a torn tail
   * left by a crash is truncated away (durably) first, so that new records are not hidden behind
   * garbage that a reader would stop at.
   *
   * The file is opened with O_DSYNC: a write returns once its data (and the file size that reads
   * it) is on disk, as `fdatasync` after it would ensure. One system call and one trip through
   * libuv's thread pool per append instead of two: a group commit wakes the server up once less.
   *
   * `onRecords` receives the whole records the file holds, as read to find its end (none for a new
   * file): a caller that needs them does not read the file a second time.
   */
  static async open(path: string, onRecords?: (records: Uint8Array[]) => void): Promise<LogWriter> {
    let handle: FileHandle
    let created = true
    try {
      handle = await open(path, constants.O_RDWR | constants.O_DSYNC | constants.O_CREAT | constants.O_EXCL, 0o644)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      created = false
      handle = await open(path, constants.O_RDWR | constants.O_DSYNC)
    }
    try {
      if (created) return new LogWriter(path, handle, 0, true, 0)
      const bytes = await handle.readFile()
      const { validBytes, records } = decodeRecords(bytes)
      onRecords?.(records)
      const extra = bytes.byteLength - validBytes
      if (extra > 0) {
        await handle.truncate(validBytes)
        await handle.datasync()
      }
      return new LogWriter(path, handle, validBytes, false, extra)
    } catch (error) {
      await handle.close().catch(() => {})
      throw error
    }
  }

  /** Bytes of whole records in the file. */
  get size(): number {
    return this.#size
  }

  /**
   * Writes `bytes` (whole encoded records) at the end, durably (O_DSYNC, see `open`). After a
   * failure the writer must be closed and reopened: the file may hold part of `bytes`.
   */
  async append(bytes: Uint8Array): Promise<void> {
    let written = 0
    while (written < bytes.byteLength) {
      const { bytesWritten } = await this.#handle.write(bytes, written, bytes.byteLength - written, this.#size + written)
      written += bytesWritten
    }
    this.#size += bytes.byteLength
  }

  /** Empties the file, durably. */
  async reset(): Promise<void> {
    await this.#handle.truncate(0)
    await this.#handle.datasync()
    this.#size = 0
  }

  async close(): Promise<void> {
    await this.#handle.close()
  }
}
