/**
 * @module Who did what, kept outside the document: one JSON-lines file per workspace under
 * `${DATA_DIR}/activity`, appended in groups (at most once a second per workspace), bounded to the
 * latest `MAX_ACTIVITY` entries (the file is rewritten with the newest ones when it holds twice
 * that). `MemoryActivityLog` is the tests'; both pass test/server/storage/activityLog.test.ts.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Activity } from '../../shared/model/index.ts'
import { atomicWrite } from './atomicWrite.ts'
import { assertDocId } from './docFiles.ts'

/** Entries kept per workspace: months of a busy team's edits, a few MB at most. */
export const MAX_ACTIVITY = 20_000

/**
 * Which entries a reader wants, newest first: about one record (or a KR with its cards and
 * check-ins), by one person, or both (each filter left out matches everything).
 */
export interface ActivityQuery {
  readonly targetId?: string
  readonly personId?: string
  readonly limit: number
}

export interface ActivityLog {
  /** Queues entries (in order); they are written within a second and before `flush` resolves. */
  append(workspaceId: string, entries: readonly Activity[]): void
  /** The newest entries first, those about `targetId` (its own, or its cards' and check-ins') and by `personId`. */
  list(workspaceId: string, query: ActivityQuery): Promise<readonly Activity[]>
  flush(): Promise<void>
}

const matches = (entry: Activity, { targetId, personId }: ActivityQuery) =>
  (targetId === undefined || entry.target.id === targetId || entry.keyResultId === targetId) &&
  (personId === undefined || entry.personId === personId)

/** Activity in memory (tests, and a server without a data directory). */
export class MemoryActivityLog implements ActivityLog {
  readonly #entries = new Map<string, Activity[]>()

  append(workspaceId: string, entries: readonly Activity[]): void {
    assertDocId(workspaceId)
    const list = this.#entries.get(workspaceId) ?? []
    list.push(...entries)
    if (list.length > MAX_ACTIVITY) list.splice(0, list.length - MAX_ACTIVITY)
    this.#entries.set(workspaceId, list)
  }

  async list(workspaceId: string, query: ActivityQuery): Promise<readonly Activity[]> {
    const list = this.#entries.get(workspaceId) ?? []
    return list.filter((e) => matches(e, query)).reverse().slice(0, query.limit)
  }

  async flush(): Promise<void> {}
}

/** Activity as JSON lines, one file per workspace. */
export class FileActivityLog implements ActivityLog {
  readonly #dir: string
  readonly #log: (line: string) => void
  readonly #pending = new Map<string, Activity[]>()
  /** Lines in each file as far as this process knows (read once, then counted). */
  readonly #lines = new Map<string, number>()
  #timer: ReturnType<typeof setTimeout> | null = null
  #writing: Promise<void> = Promise.resolve()

  constructor(dir: string, log: (line: string) => void = () => {}) {
    this.#dir = dir
    this.#log = log
  }

  append(workspaceId: string, entries: readonly Activity[]): void {
    assertDocId(workspaceId)
    if (entries.length === 0) return
    const queue = this.#pending.get(workspaceId) ?? []
    queue.push(...entries)
    this.#pending.set(workspaceId, queue)
    this.#timer ??= setTimeout(() => {
      this.#timer = null
      void this.#write()
    }, 1_000)
    this.#timer.unref?.()
  }

  async list(workspaceId: string, query: ActivityQuery): Promise<readonly Activity[]> {
    await this.flush()
    const all = await this.#read(workspaceId)
    return all.filter((e) => matches(e, query)).reverse().slice(0, query.limit)
  }

  async flush(): Promise<void> {
    if (this.#timer !== null) {
      clearTimeout(this.#timer)
      this.#timer = null
      void this.#write()
    }
    await this.#writing
  }

  #write(): Promise<void> {
    const batch = [...this.#pending]
    this.#pending.clear()
    this.#writing = this.#writing.then(async () => {
      try {
        await this.#writeBatch(batch)
      } catch (error) {
        // Activity is a convenience: a failed write loses those entries, never the server.
        this.#log(`activity: ${(error as Error).message}`)
      }
    })
    return this.#writing
  }

  async #writeBatch(batch: ReadonlyArray<readonly [string, Activity[]]>): Promise<void> {
    await mkdir(this.#dir, { recursive: true })
    for (const [workspaceId, entries] of batch) {
      const path = this.#path(workspaceId)
      const known = this.#lines.get(workspaceId) ?? (await this.#read(workspaceId)).length
      if (known + entries.length > 2 * MAX_ACTIVITY) {
        // Bounded: keep the newest, in one atomic rewrite.
        const kept = [...(await this.#read(workspaceId)), ...entries].slice(-MAX_ACTIVITY)
        await atomicWrite(path, kept.map((e) => JSON.stringify(e)).join('\n') + '\n')
        this.#lines.set(workspaceId, kept.length)
      } else {
        await appendFile(path, entries.map((e) => JSON.stringify(e)).join('\n') + '\n')
        this.#lines.set(workspaceId, known + entries.length)
      }
    }
  }

  async #read(workspaceId: string): Promise<Activity[]> {
    let text: string
    try {
      text = await readFile(this.#path(workspaceId), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    const out: Activity[] = []
    for (const line of text.split('\n')) {
      if (line === '') continue
      try {
        out.push(JSON.parse(line) as Activity)
      } catch {
        // A line cut by a crash mid-append: the ones before it stand.
      }
    }
    return out
  }

  #path(workspaceId: string): string {
    assertDocId(workspaceId)
    return join(this.#dir, `${workspaceId}.jsonl`)
  }
}
