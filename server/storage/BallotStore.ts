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
