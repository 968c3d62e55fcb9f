/**
 * @module The write-ahead journal that every document of one FileStorage shares: one synced
 * write (O_DSYNC) per group commit, however many documents the batch touched. Documents' own logs
 * are written (and synced) only at checkpoints; until then the journal alone holds their newest
 * records on disk, and a restart after a crash replays it into them. Deleting a document writes a
 * tombstone, so that a replay never brings a deleted document back.
 *
 * A record is an update-log record (length, crc32, payload) whose payload is
 * `[kind u8][id length u8][id bytes][update bytes]`.
 */
import { join } from 'node:path'
import { assertDocId } from './docFiles.ts'
import { crc32 } from './crc32.ts'
import { decodeRecords, LogWriter, RECORD_HEADER_BYTES } from './updateLog.ts'

/** The journal's name in the storage directory (a document's files are `<id>.json`, `<id>.<g>.log`). */
export const JOURNAL_FILE = 'journal.log'

const RecordKind = {
  Update: 1,
  /** The document was deleted: what the journal holds for it before this is void. */
  Delete: 2,
} as const

/** An update of a document, or (`update: null`) its deletion. */
export interface JournalEntry {
  readonly docId: string
  readonly update: Uint8Array | null
}

/** What a replay must do for one document: finish deleting it first, then append `updates`. */
export interface Replay {
  readonly deleted: boolean
  readonly updates: Uint8Array[]
}

const ascii = new TextEncoder()
const fromAscii = new TextDecoder()

/**
 * The records of `entries`, as one write: each is encoded straight into one buffer for the batch
 * (one allocation per group commit, not three per update), its checksum taken in place.
 */
export function encodeJournal(entries: readonly JournalEntry[]): Uint8Array {
  const ids = new Map<string, Uint8Array>()
  let total = 0
  for (const { docId, update } of entries) {
    let id = ids.get(docId)
    if (id === undefined) ids.set(docId, (id = ascii.encode(docId)))
    total += RECORD_HEADER_BYTES + 2 + id.length + (update?.length ?? 0)
  }
  const out = new Uint8Array(total)
  const view = new DataView(out.buffer)
  let at = 0
  for (const { docId, update } of entries) {
    const id = ids.get(docId)!
    const start = at + RECORD_HEADER_BYTES
    const length = 2 + id.length + (update?.length ?? 0)
    out[start] = update === null ? RecordKind.Delete : RecordKind.Update
    out[start + 1] = id.length
    out.set(id, start + 2)
    if (update !== null) out.set(update, start + 2 + id.length)
    view.setUint32(at, length, true)
    view.setUint32(at + 4, crc32(out.subarray(start, start + length)), true)
    at = start + length
  }
  return out
}

/** The journal's whole records, in order; a torn tail (never acknowledged) is left out. */
export function decodeJournal(bytes: Uint8Array): JournalEntry[] {
  return journalEntries(decodeRecords(bytes).records)
}

/** The entries that the journal's record payloads hold. */
function journalEntries(payloads: readonly Uint8Array[]): JournalEntry[] {
  const entries: JournalEntry[] = []
  for (const payload of payloads) {
    const kind = payload[0]
    const idLength = payload[1] ?? 0
    const docId = fromAscii.decode(payload.subarray(2, 2 + idLength))
    // A record that passed its checksum but makes no sense was not written by this module.
    assertDocId(docId)
    if (kind === RecordKind.Update) entries.push({ docId, update: payload.slice(2 + idLength) })
    else if (kind === RecordKind.Delete) entries.push({ docId, update: null })
    else throw new Error(`journal record of unknown kind ${kind}`)
  }
  return entries
}

/** Groups a journal's entries per document, in order; a tombstone voids what came before it. */
export function replayPlan(entries: readonly JournalEntry[]): Map<string, Replay> {
  const plan = new Map<string, Replay>()
  for (const { docId, update } of entries) {
    if (update === null) plan.set(docId, { deleted: true, updates: [] })
    else {
      let replay = plan.get(docId)
      if (replay === undefined) plan.set(docId, (replay = { deleted: false, updates: [] }))
      replay.updates.push(update)
    }
  }
  return plan
}

export class Journal {
  readonly #writer: LogWriter
  /** Appends and resets run one at a time, in call order: they share the file's end. */
  #queue: Promise<unknown> = Promise.resolve()

  private constructor(writer: LogWriter) {
    this.#writer = writer
  }

  /** Opens the journal in `dir` (creating it) and returns what it holds from before. */
  static async open(dir: string): Promise<{ journal: Journal; entries: JournalEntry[] }> {
    const path = join(dir, JOURNAL_FILE)
    let records: readonly Uint8Array[] = []
    // The records as the writer reads them to find the end: the file is read once.
    const writer = await LogWriter.open(path, (read) => (records = read))
    try {
      return { journal: new Journal(writer), entries: journalEntries(records) }
    } catch (error) {
      await writer.close().catch(() => {})
      throw error
    }
  }

  /** Bytes of records since the last reset. */
  get size(): number {
    return this.#writer.size
  }

  /** Appends `entries` durably (one synced write). */
  append(entries: readonly JournalEntry[]): Promise<void> {
    return this.#serial(() => this.#writer.append(encodeJournal(entries)))
  }

  /** Empties the journal: call only once everything it holds is durable elsewhere. */
  reset(): Promise<void> {
    return this.#serial(() => this.#writer.reset())
  }

  close(): Promise<void> {
    return this.#serial(() => this.#writer.close())
  }

  #serial(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task, task)
    this.#queue = run.catch(() => {})
    return run
  }
}
