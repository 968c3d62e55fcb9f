/**
 * @module Unrevealed ballots in PostgreSQL, shared by every instance: a vote cast through one may
 * be revealed through another. Reads come from memory (the BallotStore contract is synchronous);
 * each change NOTIFYs its workspace, and the other instances reload that workspace's ballots.
 * Vote operations (`exclusive`) hold a transaction-scoped advisory lock on the workspace and read
 * its ballots afresh inside it, so two instances never reveal one round twice nor miss a ballot:
 * the lock ends with the transaction or the connection, so a crashed instance cannot leave it held.
 */
import type { Pool, PoolClient } from 'pg'
import type { Ballot, PersonId, VoteRoundId } from '../../../shared/model/index.ts'
import type { BallotStore } from '../BallotStore.ts'
import { MemoryBallotStore } from '../MemoryBallotStore.ts'
import { serialBy } from '../serialBy.ts'
import type { PgListener } from './PgListener.ts'

const CHANNEL = 'roundtable_ballots'
/** The first half of the vote lock's key (the second is the workspace id's hash): any constant of its own. */
const VOTE_LOCK = 7_314_201

interface Row {
  workspace_id: string
  round_id: string
  person_id: string
  value: number
}

type Queryable = Pick<Pool, 'query'>

export class PgBallotStore implements BallotStore {
  readonly #pool: Pool
  #memory = new MemoryBallotStore()
  readonly #inFlight = new Set<Promise<unknown>>()
  readonly #serial = serialBy<string>()
  /** The connection holding a workspace's vote lock while `exclusive` runs: its writes join the transaction. */
  readonly #held = new Map<string, PoolClient>()
  /** Workspaces in `exclusive`, and how many times each entered it: a reload from the pool that overlaps one is stale. */
  readonly #busy = new Set<string>()
  readonly #entered = new Map<string, number>()
  /** Finished rounds by workspace, as read inside the last `exclusive`. */
  readonly #finished = new Map<string, Set<string>>()

  private constructor(pool: Pool) {
    this.#pool = pool
  }

  static async open(pool: Pool, listener: PgListener): Promise<PgBallotStore> {
    const store = new PgBallotStore(pool)
    await listener.listen(CHANNEL, (workspaceId) => void store.#reload(workspaceId))
    listener.onReconnect(() => void store.#reloadAll())
    await store.#reloadAll()
    return store
  }

  cast(workspaceId: string, roundId: VoteRoundId, ballot: Ballot): Promise<void> {
    return this.#track(async () => {
      await this.#db(workspaceId).query(
        `WITH cast_ AS (INSERT INTO ballots (workspace_id, round_id, person_id, value) VALUES ($1, $2, $3, $4)
           ON CONFLICT (workspace_id, round_id, person_id) DO UPDATE SET value = EXCLUDED.value RETURNING workspace_id)
         SELECT pg_notify('${CHANNEL}', workspace_id) FROM cast_`,
        [workspaceId, roundId, ballot.personId, ballot.value],
      )
      this.#memory.put(workspaceId, roundId, ballot)
    })
  }

  ballots(workspaceId: string, roundId: VoteRoundId): readonly Ballot[] {
    return this.#memory.ballots(workspaceId, roundId)
  }

  rounds(workspaceId: string): readonly VoteRoundId[] {
    return this.#memory.rounds(workspaceId)
  }

  drop(workspaceId: string, roundId: VoteRoundId): Promise<void> {
    return this.#track(async () => {
      await this.#db(workspaceId).query(
        `WITH dropped AS (DELETE FROM ballots WHERE workspace_id = $1 AND round_id = $2 RETURNING workspace_id),
              marked AS (INSERT INTO vote_rounds_finished (workspace_id, round_id) VALUES ($1, $2) ON CONFLICT DO NOTHING)
         SELECT pg_notify('${CHANNEL}', $1) WHERE EXISTS (SELECT 1 FROM dropped)`,
        [workspaceId, roundId],
      )
      this.#memory.remove(workspaceId, roundId)
      this.#finished.get(workspaceId)?.add(roundId)
    })
  }

  exclusive<T>(workspaceId: string, fn: () => Promise<T>): Promise<T> {
    // One connection per workspace at a time in this process; the advisory lock orders the instances.
    return this.#serial(workspaceId, async () => {
      this.#busy.add(workspaceId)
      this.#entered.set(workspaceId, (this.#entered.get(workspaceId) ?? 0) + 1)
      const client = await this.#pool.connect().catch((error: unknown) => {
        this.#busy.delete(workspaceId)
        throw error
      })
      let broken = false
      try {
        await client.query('BEGIN')
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [VOTE_LOCK, workspaceId])
        await this.#reload(workspaceId, client)
        const finished = await client.query<{ round_id: string }>('SELECT round_id FROM vote_rounds_finished WHERE workspace_id = $1', [workspaceId])
        this.#finished.set(workspaceId, new Set(finished.rows.map((r) => r.round_id)))
        this.#held.set(workspaceId, client)
        const result = await fn()
        this.#held.delete(workspaceId)
        await client.query('COMMIT')
        return result
      } catch (error) {
        this.#held.delete(workspaceId)
        await client.query('ROLLBACK').catch(() => (broken = true))
        throw error
      } finally {
        this.#busy.delete(workspaceId)
        client.release(broken)
      }
    })
  }

  finished(workspaceId: string, roundId: VoteRoundId): boolean {
    return this.#finished.get(workspaceId)?.has(roundId) ?? false
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.#inFlight])
  }

  /** The lock holder's connection inside `exclusive`, else the pool. */
  #db(workspaceId: string): Queryable {
    return this.#held.get(workspaceId) ?? this.#pool
  }

  #track(fn: () => Promise<void>): Promise<void> {
    const run = fn()
    this.#inFlight.add(run)
    const forget = () => this.#inFlight.delete(run)
    void run.then(forget, forget)
    return run
  }

  /**
   * Replaces what memory holds of one workspace by what the table holds: through the lock holder's
   * connection inside `exclusive`, else (a NOTIFY) through the pool, unless an `exclusive` started
   * meanwhile: its own read is the newer one, and its uncommitted casts are in memory only.
   */
  async #reload(workspaceId: string, client?: PoolClient): Promise<void> {
    const entered = this.#entered.get(workspaceId)
    if (client === undefined && this.#busy.has(workspaceId)) return
    const rows = client === undefined ? await this.#select(this.#pool, 'WHERE workspace_id = $1', [workspaceId]).catch(() => null) : await this.#select(client, 'WHERE workspace_id = $1', [workspaceId])
    if (rows === null || (client === undefined && (this.#busy.has(workspaceId) || this.#entered.get(workspaceId) !== entered))) return
    for (const roundId of this.#memory.rounds(workspaceId)) this.#memory.remove(workspaceId, roundId)
    for (const r of rows) this.#memory.put(workspaceId, r.round_id as VoteRoundId, { personId: r.person_id as PersonId, value: r.value })
  }

  async #reloadAll(): Promise<void> {
    const rows = await this.#select(this.#pool, '', [])
    const fresh = new MemoryBallotStore(rows.filter((r) => !this.#busy.has(r.workspace_id)).map((r) => ({ workspaceId: r.workspace_id, roundId: r.round_id as VoteRoundId, personId: r.person_id as PersonId, value: r.value })))
    // A workspace in `exclusive` keeps what it read and cast there.
    for (const b of this.#memory.list()) if (this.#busy.has(b.workspaceId)) fresh.put(b.workspaceId, b.roundId, { personId: b.personId, value: b.value })
    this.#memory = fresh
  }

  async #select(db: Queryable, where: string, values: unknown[]): Promise<Row[]> {
    return (await db.query<Row>(`SELECT workspace_id, round_id, person_id, value FROM ballots ${where}`, values)).rows
  }
}
