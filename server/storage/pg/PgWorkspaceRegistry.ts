/**
 * @module The workspace registry in PostgreSQL, shared by every instance. Reads come from memory
 * (every request checks a token against it); each change is one statement that also NOTIFYs, so
 * the other instances reload that workspace as soon as it commits, and everything after their
 * listener reconnects.
 */
import type { Pool } from 'pg'
import { Role } from '../../../shared/protocol/index.ts'
import type { Registry, WorkspaceMeta } from '../WorkspaceRegistry.ts'
import type { PgListener } from './PgListener.ts'

const CHANNEL = 'roundtable_workspaces'

interface Row {
  id: string
  name: string
  created_at: string
  owner_version: number
  editor_version: number
  viewer_version: number
}

const COLUMNS = 'id, name, created_at, owner_version, editor_version, viewer_version'

function metaOf(row: Row): WorkspaceMeta {
  return {
    id: row.id,
    name: row.name,
    createdAt: Number(row.created_at),
    linkVersions: { [Role.Owner]: row.owner_version, [Role.Editor]: row.editor_version, [Role.Viewer]: row.viewer_version },
  }
}

export class PgWorkspaceRegistry implements Registry {
  readonly #pool: Pool
  readonly #workspaces = new Map<string, WorkspaceMeta>()

  private constructor(pool: Pool) {
    this.#pool = pool
  }

  /** Loads every workspace and follows the other instances' changes through `listener`. */
  static async open(pool: Pool, listener: PgListener): Promise<PgWorkspaceRegistry> {
    const registry = new PgWorkspaceRegistry(pool)
    await listener.listen(CHANNEL, (id) => void registry.#reload(id))
    listener.onReconnect(() => void registry.#reloadAll())
    await registry.#reloadAll()
    return registry
  }

  get(id: string): WorkspaceMeta | undefined {
    return this.#workspaces.get(id)
  }

  list(): WorkspaceMeta[] {
    return [...this.#workspaces.values()].sort((a, b) => a.createdAt - b.createdAt)
  }

  async create(id: string, name: string, now: number): Promise<WorkspaceMeta> {
    const meta = await this.#change(`INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`, [id, name, now])
    return meta!
  }

  async rotate(id: string, roles: readonly Role[]): Promise<WorkspaceMeta> {
    const bump = (role: Role) => (roles.includes(role) ? 1 : 0)
    const meta = await this.#change(
      `UPDATE workspaces SET owner_version = owner_version + $2, editor_version = editor_version + $3, viewer_version = viewer_version + $4 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, bump(Role.Owner), bump(Role.Editor), bump(Role.Viewer)],
    )
    if (meta === undefined) throw new Error(`no workspace ${id}`)
    return meta
  }

  async rename(id: string, name: string): Promise<void> {
    await this.#change(`UPDATE workspaces SET name = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [id, name])
  }

  /** Runs one changing statement with its NOTIFY, and keeps the row it returns (none: undefined). */
  async #change(sql: string, values: unknown[]): Promise<WorkspaceMeta | undefined> {
    const { rows } = await this.#pool.query<Row>(`WITH changed AS (${sql}) SELECT changed.*, pg_notify('${CHANNEL}', changed.id) FROM changed`, values)
    const row = rows[0]
    if (row === undefined) return undefined
    const meta = metaOf(row)
    this.#workspaces.set(meta.id, meta)
    return meta
  }

  async #reload(id: string): Promise<void> {
    const { rows } = await this.#pool.query<Row>(`SELECT ${COLUMNS} FROM workspaces WHERE id = $1`, [id]).catch(() => ({ rows: [] as Row[] }))
    if (rows[0] !== undefined) this.#workspaces.set(id, metaOf(rows[0]))
  }

  async #reloadAll(): Promise<void> {
    const { rows } = await this.#pool.query<Row>(`SELECT ${COLUMNS} FROM workspaces`)
    for (const row of rows) this.#workspaces.set(row.id, metaOf(row))
  }
}
