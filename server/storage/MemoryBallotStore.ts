/** @module Ballots in memory: the tests' BallotStore, and the map FileBallotStore persists. */
import type { Ballot, PersonId, VoteRoundId } from '../../shared/model/index.ts'
import type { BallotStore, StoredBallot } from './BallotStore.ts'
import { serialBy } from './serialBy.ts'

export class MemoryBallotStore implements BallotStore {
  /** workspace -> round -> person -> value; Maps, so no id can reach a prototype. */
  readonly #workspaces = new Map<string, Map<VoteRoundId, Map<PersonId, number>>>()
  readonly #serial = serialBy<string>()

  constructor(initial: readonly StoredBallot[] = []) {
    for (const b of initial) this.put(b.workspaceId, b.roundId, { personId: b.personId, value: b.value })
  }

  cast(workspaceId: string, roundId: VoteRoundId, ballot: Ballot): Promise<void> {
    this.put(workspaceId, roundId, ballot)
    return Promise.resolve()
  }

  ballots(workspaceId: string, roundId: VoteRoundId): readonly Ballot[] {
    const round = this.#workspaces.get(workspaceId)?.get(roundId)
    if (round === undefined) return []
    return [...round].map(([personId, value]) => ({ personId, value })).sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0))
  }

  rounds(workspaceId: string): readonly VoteRoundId[] {
    return [...(this.#workspaces.get(workspaceId)?.keys() ?? [])]
  }

  drop(workspaceId: string, roundId: VoteRoundId): Promise<void> {
    this.remove(workspaceId, roundId)
    return Promise.resolve()
  }

  exclusive<T>(workspaceId: string, fn: () => Promise<T>): Promise<T> {
    return this.#serial(workspaceId, fn)
  }

  finished(): boolean {
    return false
  }

  close(): Promise<void> {
    return Promise.resolve()
  }

  /** Records a ballot at once (synchronously). */
  put(workspaceId: string, roundId: VoteRoundId, ballot: Ballot): void {
    let rounds = this.#workspaces.get(workspaceId)
    if (rounds === undefined) this.#workspaces.set(workspaceId, (rounds = new Map()))
    let round = rounds.get(roundId)
    if (round === undefined) rounds.set(roundId, (round = new Map()))
    round.set(ballot.personId, ballot.value)
  }

  /** The value `personId` cast in a round, if any. */
  valueOf(workspaceId: string, roundId: VoteRoundId, personId: PersonId): number | undefined {
    return this.#workspaces.get(workspaceId)?.get(roundId)?.get(personId)
  }

  /** Takes back one ballot at once (it could not be stored), leaving `previous` if there was one. */
  unput(workspaceId: string, roundId: VoteRoundId, personId: PersonId, previous: number | undefined): void {
    if (previous !== undefined) return this.put(workspaceId, roundId, { personId, value: previous })
    const round = this.#workspaces.get(workspaceId)?.get(roundId)
    round?.delete(personId)
    if (round?.size === 0) this.remove(workspaceId, roundId)
  }

  /** Forgets a round at once; true when it held ballots. */
  remove(workspaceId: string, roundId: VoteRoundId): boolean {
    const rounds = this.#workspaces.get(workspaceId)
    if (rounds === undefined || !rounds.delete(roundId)) return false
    if (rounds.size === 0) this.#workspaces.delete(workspaceId)
    return true
  }

  /** Every ballot, as the file stores them. */
  list(): StoredBallot[] {
    const out: StoredBallot[] = []
    for (const [workspaceId, rounds] of this.#workspaces) {
      for (const [roundId, round] of rounds) for (const [personId, value] of round) out.push({ workspaceId, roundId, personId, value })
    }
    return out
  }
}
