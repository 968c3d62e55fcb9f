/**
 * @module Unrevealed ballots in one JSON file (DATA_DIR/ballots.json), so that a vote survives a
 * restart without ever entering the document. The whole file is rewritten atomically and fsynced
 * on each change (a meeting casts a few ballots a minute; the file holds only open rounds). One
 * writer: changes made while a write runs share the next one.
 */
import { join } from 'node:path'
import { isId } from '../../shared/model/index.ts'
import type { Ballot, VoteRoundId } from '../../shared/model/index.ts'
import type { BallotStore, StoredBallot } from './BallotStore.ts'
import { DurableJSONFile } from './DurableJSONFile.ts'
import { MemoryBallotStore } from './MemoryBallotStore.ts'

export const BALLOTS_FILE = 'ballots.json'

interface BallotsData {
  readonly version: 1
  readonly ballots: readonly StoredBallot[]
}

export class FileBallotStore implements BallotStore {
  readonly #file: DurableJSONFile<BallotsData>
  readonly #memory: MemoryBallotStore
  /** The write running now, and the one queued after it (which takes every change made meanwhile). */
  #writing: Promise<void> | null = null
  #next: Promise<void> | null = null

  private constructor(file: DurableJSONFile<BallotsData>, memory: MemoryBallotStore) {
    this.#file = file
    this.#memory = memory
  }

  /** Opens (or starts) `dataDir/ballots.json`; refuses a file that is not readable JSON. */
  static async open(dataDir: string): Promise<FileBallotStore> {
    const file = new DurableJSONFile<BallotsData>(join(dataDir, BALLOTS_FILE))
    const data = await file.read()
    const ballots = Array.isArray(data?.ballots) ? data.ballots.filter(isStoredBallot) : []
    return new FileBallotStore(file, new MemoryBallotStore(ballots))
  }

  async cast(workspaceId: string, roundId: VoteRoundId, ballot: Ballot): Promise<void> {
    const previous = this.#memory.valueOf(workspaceId, roundId, ballot.personId)
    this.#memory.put(workspaceId, roundId, ballot)
    try {
      await this.#save()
    } catch (err) {
      // A ballot the voter was told failed must not be revealed (unless a later write stored it).
      if (this.#memory.valueOf(workspaceId, roundId, ballot.personId) === ballot.value) {
        this.#memory.unput(workspaceId, roundId, ballot.personId, previous)
      }
      throw err
    }
  }

  ballots(workspaceId: string, roundId: VoteRoundId): readonly Ballot[] {
    return this.#memory.ballots(workspaceId, roundId)
  }

  rounds(workspaceId: string): readonly VoteRoundId[] {
    return this.#memory.rounds(workspaceId)
  }

  drop(workspaceId: string, roundId: VoteRoundId): Promise<void> {
    return this.#memory.remove(workspaceId, roundId) ? this.#save() : Promise.resolve()
  }

  exclusive<T>(workspaceId: string, fn: () => Promise<T>): Promise<T> {
    return this.#memory.exclusive(workspaceId, fn)
  }

  finished(): boolean {
    return false
  }

  async close(): Promise<void> {
    await (this.#next ?? this.#writing)?.catch(() => {})
  }

  /** Writes what memory holds once the running write is done; calls made meanwhile share it. */
  #save(): Promise<void> {
    if (this.#next !== null) return this.#next
    const previous = this.#writing ?? Promise.resolve()
    const run: Promise<void> = previous
      .catch(() => {})
      .then(() => {
        this.#next = null
        this.#writing = run
        return this.#file.write({ version: 1, ballots: this.#memory.list() })
      })
      .finally(() => {
        if (this.#writing === run) this.#writing = null
      })
    this.#next = run
    return run
  }
}

function isStoredBallot(value: unknown): value is StoredBallot {
  if (typeof value !== 'object' || value === null) return false
  const b = value as Record<string, unknown>
  return isId(b.workspaceId) && isId(b.roundId) && isId(b.personId) && typeof b.value === 'number' && Number.isFinite(b.value)
}
