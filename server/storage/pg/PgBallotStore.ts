/**
 * @module Unrevealed ballots in PostgreSQL, shared by every instance: a vote cast through one may
 * be revealed through another. Reads come from memory (the BallotStore contract is synchronous);
 * each change NOTIFYs its workspace, and the other instances reload that workspace's ballots.
 */
import type { Pool } from 'pg'
import type { Ballot, PersonId, VoteRoundId } from '../../../shared/model/index.ts'
import type { BallotStore } from '../BallotStore.ts'
import { MemoryBallotStore } from '../MemoryBallotStore.ts'
import type { PgListener } from './PgListener.ts'

const CHANNEL = 'roundtable_ballots'

interface Row {
  workspace_id: string
  round_id: string
  person_id: string
  value: number
}

export class PgBallotStore implements BallotStore {
  readonly #pool: Pool
  #memory = new MemoryBallotStore()
  readonly #inFlight = new Set<Promise<unknown>>()

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
      await this.#pool.query(
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
      await this.#pool.query(
        `WITH dropped AS (DELETE FROM ballots WHERE workspace_id = $1 AND round_id = $2 RETURNING workspace_id)
         SELECT pg_notify('${CHANNEL}', $1) WHERE EXISTS (SELECT 1 FROM dropped)`,
        [workspaceId, roundId],
      )
      this.#memory.remove(workspaceId, roundId)
    })
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.#inFlight])
  }

  #track(fn: () => Promise<void>): Promise<void> {
    const run = fn()
    this.#inFlight.add(run)
    const forget = () => this.#inFlight.delete(run)
    void run.then(forget, forget)
    return run
  }

  /** Replaces what memory holds of one workspace by what the table holds. */
  async #reload(workspaceId: string): Promise<void> {
    const rows = await this.#select('WHERE workspace_id = $1', [workspaceId]).catch(() => null)
    if (rows === null) return
    for (const roundId of this.#memory.rounds(workspaceId)) this.#memory.remove(workspaceId, roundId)
    for (const r of rows) this.#memory.put(workspaceId, r.round_id as VoteRoundId, { personId: r.person_id as PersonId, value: r.value })
  }

  async #reloadAll(): Promise<void> {
    const rows = await this.#select('', [])
    this.#memory = new MemoryBallotStore(rows.map((r) => ({ workspaceId: r.workspace_id, roundId: r.round_id as VoteRoundId, personId: r.person_id as PersonId, value: r.value })))
  }

  async #select(where: string, values: unknown[]): Promise<Row[]> {
    return (await this.#pool.query<Row>(`SELECT workspace_id, round_id, person_id, value FROM ballots ${where}`, values)).rows
  }
}
