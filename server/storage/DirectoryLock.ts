/**
 * @module One writer per storage directory: a `LOCK` file holding the owner's pid. The journal
 * holds the newest records of every document until a checkpoint, so a second process writing (or
 * replaying) the same directory would lose them; it is refused with a clear error instead. A lock
 * left by a process that died (a crash, a kill -9) is taken over.
 */
import { constants, readFileSync } from 'node:fs'
import { open, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'

export const LOCK_FILE = 'LOCK'

/** Directories locked by this process: a second open in the same process is refused too. */
const held = new Set<string>()

export class DirectoryInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(`${dir} is in use by process ${pid}: one server per data directory (stop it, or set another DATA_DIR)`)
    this.name = 'DirectoryInUseError'
  }
}

export class DirectoryLock {
  readonly #dir: string
  #released = false

  private constructor(dir: string) {
    this.#dir = dir
  }

  /** Locks `dir` (absolute) for this process; throws DirectoryInUseError if a live process has it. */
  static async acquire(dir: string): Promise<DirectoryLock> {
    // Claimed before the first await: two opens in this process cannot both get past here.
    if (held.has(dir)) throw new DirectoryInUseError(dir, process.pid)
    held.add(dir)
    try {
      await createLockFile(join(dir, LOCK_FILE), dir)
    } catch (error) {
      held.delete(dir)
      throw error
    }
    return new DirectoryLock(dir)
  }

  async release(): Promise<void> {
    if (this.#released) return
    this.#released = true
    held.delete(this.#dir)
    await unlink(join(this.#dir, LOCK_FILE)).catch(() => {})
  }
}

/**
 * Creates the lock file holding this pid, exclusively (O_EXCL), so of two processes starting at
 * once only one gets it. A file left by a process that is gone (or by this pid, which `held`
 * says holds nothing here) is removed and the creation tried once more.
 */
async function createLockFile(path: string, dir: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644)
      try {
        await handle.writeFile(`${process.pid}\n`)
      } finally {
        await handle.close()
      }
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error
    }
    const owner = await readOwner(path)
    if (owner !== null && owner !== process.pid && isAlive(owner)) throw new DirectoryInUseError(dir, owner)
    await unlink(path).catch(() => {})
  }
}

async function readOwner(path: string): Promise<number | null> {
  try {
    const pid = Number.parseInt(await readFile(path, 'utf8'), 10)
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** True when `pid` runs, and (where /proc tells) runs node: a reused pid is not an owner. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes('node')
  } catch {
    return true
  }
}
