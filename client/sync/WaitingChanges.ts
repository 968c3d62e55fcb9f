/**
 * @module The count of changes made offline that the server has not seen yet, for the connection
 * badge. The changes themselves survive a reload in the IndexedDB copy; so must their count, or a
 * page reloaded offline says "Offline" with nothing waiting and people think their edits are gone.
 * Kept in localStorage per workspace, cleared when the document syncs.
 */

/** What WaitingChanges needs of localStorage (a fake in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

const storageKey = (workspaceId: string) => `roundtable:waiting:${workspaceId}`

export class WaitingChanges {
  readonly #key: string
  readonly #store: KeyValueStore | null
  #count: number

  /** `store`: null when the changes themselves are not kept across reloads (no offline copy). */
  constructor(workspaceId: string, store: KeyValueStore | null) {
    this.#key = storageKey(workspaceId)
    this.#store = store
    this.#count = read(store, this.#key)
  }

  get count(): number {
    return this.#count
  }

  add(): number {
    this.#count += 1
    this.#write(String(this.#count))
    return this.#count
  }

  /** The server has everything: nothing waits. */
  clear(): void {
    if (this.#count === 0) return
    this.#count = 0
    this.#write(null)
  }

  #write(value: string | null): void {
    try {
      if (value === null) this.#store?.removeItem(this.#key)
      else this.#store?.setItem(this.#key, value)
    } catch {
      // Storage full or disabled (private mode): the count is right until the next reload.
    }
  }
}

function read(store: KeyValueStore | null, key: string): number {
  try {
    const count = Number(store?.getItem(key) ?? 0)
    return Number.isSafeInteger(count) && count > 0 ? count : 0
  } catch {
    return 0
  }
}

/** The browser's localStorage, or null where it is missing or refused. */
export function browserStore(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}
