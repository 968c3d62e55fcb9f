/**
 * @module The list of workspaces and their link versions, in one lowdb JSON file
 * (DATA_DIR/workspaces.json). Metadata only: the documents themselves live in DocStorage.
 */
import { Low } from 'lowdb'
import { join } from 'node:path'
import { Role } from '../../shared/protocol/index.ts'
import { DurableJSONFile } from './DurableJSONFile.ts'

export interface WorkspaceMeta {
  readonly id: string
  readonly name: string
  readonly createdAt: number
  /** Per role, the version a token must carry; rotating links bumps it. */
  readonly linkVersions: Readonly<Record<Role, number>>
}

/** What the server needs of a registry: reads from memory (every request checks a token), writes durable. */
export interface Registry {
  get(id: string): WorkspaceMeta | undefined
  /** Oldest first. */
  list(): WorkspaceMeta[]
  /** Records a new workspace; resolves once it is written. */
  create(id: string, name: string, now: number): Promise<WorkspaceMeta>
  /** Bumps the link version of `roles`, invalidating every older token of those roles. */
  rotate(id: string, roles: readonly Role[]): Promise<WorkspaceMeta>
  rename(id: string, name: string): Promise<void>
}

interface RegistryData {
  version: 1
  workspaces: Record<string, WorkspaceMeta>
}

export class WorkspaceRegistry implements Registry {
  readonly #db: Low<RegistryData>
  /** Writes are chained so two changes never interleave their read-modify-write. */
  #queue: Promise<void> = Promise.resolve()

  private constructor(db: Low<RegistryData>) {
    this.#db = db
  }

  /** Opens (or creates) `dataDir/workspaces.json`. */
  static async open(dataDir: string): Promise<WorkspaceRegistry> {
    // Not JSONFilePreset: it swaps to memory when NODE_ENV=test; and lowdb's JSONFile never fsyncs.
    const db = new Low<RegistryData>(new DurableJSONFile<RegistryData>(join(dataDir, 'workspaces.json')), { version: 1, workspaces: {} })
    await db.read()
    db.data.workspaces ??= {}
    return new WorkspaceRegistry(db)
  }

  get(id: string): WorkspaceMeta | undefined {
    return Object.hasOwn(this.#db.data.workspaces, id) ? this.#db.data.workspaces[id] : undefined
  }

  list(): WorkspaceMeta[] {
    return Object.values(this.#db.data.workspaces).sort((a, b) => a.createdAt - b.createdAt)
  }

  /** Records a new workspace; resolves once it is written. */
  async create(id: string, name: string, now: number): Promise<WorkspaceMeta> {
    const meta: WorkspaceMeta = {
      id,
      name,
      createdAt: now,
      linkVersions: { [Role.Owner]: 1, [Role.Editor]: 1, [Role.Viewer]: 1 },
    }
    await this.#change((data) => {
      data.workspaces[id] = meta
    })
    return meta
  }

  /** Bumps the link version of `roles`, invalidating every older token of those roles. */
  async rotate(id: string, roles: readonly Role[]): Promise<WorkspaceMeta> {
    let next: WorkspaceMeta | undefined
    await this.#change((data) => {
      const meta = data.workspaces[id]
      if (meta === undefined) throw new Error(`no workspace ${id}`)
      const linkVersions = { ...meta.linkVersions }
      for (const role of roles) linkVersions[role] += 1
      next = { ...meta, linkVersions }
      data.workspaces[id] = next
    })
    return next as WorkspaceMeta
  }

  async rename(id: string, name: string): Promise<void> {
    await this.#change((data) => {
      const meta = data.workspaces[id]
      if (meta !== undefined) data.workspaces[id] = { ...meta, name }
    })
  }

  #change(fn: (data: RegistryData) => void): Promise<void> {
    const run = this.#queue.then(async () => {
      fn(this.#db.data)
      await this.#db.write()
    })
    this.#queue = run.catch(() => {})
    return run
  }
}
