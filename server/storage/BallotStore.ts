/**
 * @module Where the votes of a meeting wait for their reveal: per workspace, round and person, on
 * the server only (never in the document, which every client reads). One contract for the file and
 * the in-memory stores (test/server/storage/ballotContract.ts runs both).
 */
import type { Ballot, PersonId, VoteRoundId } from '../../shared/model/index.ts'

export interface BallotStore {
  /** Records `ballot` in a round, replacing that person's earlier one; resolves once stored. */
  cast(workspaceId: string, roundId: VoteRoundId, ballot: Ballot): Promise<void>
  /** The round's ballots, ordered by person id; empty for a round it knows nothing of. */
  ballots(workspaceId: string, roundId: VoteRoundId): readonly Ballot[]
  /** The rounds of a workspace that hold ballots. */
  rounds(workspaceId: string): readonly VoteRoundId[]
  /** Forgets a round's ballots (revealed or closed); resolves once that is stored. */
  drop(workspaceId: string, roundId: VoteRoundId): Promise<void>
  /**
   * Runs `fn` while no other vote operation of the workspace runs: in this process, and with a
   * store that instances share, on any instance. Inside, `ballots` and `finished` are current (read
   * from the shared store), so a reveal never misses a ballot being cast, nor happens twice.
   */
  exclusive<T>(workspaceId: string, fn: () => Promise<T>): Promise<T>
  /**
   * Whether a round's ballots were dropped (it was revealed or closed), as far as the document may
   * not show yet: another instance's reveal reaches this one's document a moment later. Read it
   * inside `exclusive`. A store that one process owns answers false: its document is never behind.
   */
  finished(workspaceId: string, roundId: VoteRoundId): boolean
  /** Waits for the writes in progress. */
  close(): Promise<void>
}

/** The ballots as a plain list, the one shape both stores keep and the file holds. */
export interface StoredBallot {
  readonly workspaceId: string
  readonly roundId: VoteRoundId
  readonly personId: PersonId
  readonly value: number
}
