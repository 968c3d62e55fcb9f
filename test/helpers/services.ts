/** @module Real registry and secret on a temp folder, with in-memory live docs, for REST tests. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { HistoryWorker } from '../../server/history/HistoryWorker.ts'
import { Metrics } from '../../server/metrics.ts'
import type { LiveDocs, Services } from '../../server/services.ts'
import { MemoryBallotStore } from '../../server/storage/MemoryBallotStore.ts'
import { MemoryCheckpoints } from '../../server/storage/CheckpointStore.ts'
import { MemoryActivityLog } from '../../server/storage/ActivityLog.ts'
import { WorkspaceRegistry } from '../../server/storage/WorkspaceRegistry.ts'
import type { PersonId } from '../../shared/model/index.ts'

/** Live docs without rooms: one Y.Doc per workspace id, kept in memory. */
export class MemoryDocs implements LiveDocs {
  readonly docs = new Map<string, Y.Doc>()
  /** Presence the tests set: per workspace, who shows as in which meeting. */
  readonly presence = new Map<string, { personId: PersonId; meetingId: string }[]>()

  async withDoc<T>(workspaceId: string, fn: (doc: Y.Doc) => T): Promise<T> {
    let doc = this.docs.get(workspaceId)
    if (doc === undefined) {
      doc = new Y.Doc()
      this.docs.set(workspaceId, doc)
    }
    return fn(doc)
  }

  stats() {
    return { rooms: this.docs.size, connections: 0 }
  }

  presentIn(workspaceId: string, meetingId: string): Set<PersonId> {
    const states = this.presence.get(workspaceId) ?? []
    return new Set(states.filter((p) => p.meetingId === meetingId).map((p) => p.personId))
  }
}

export async function testServices(now = () => Date.UTC(2026, 10, 21, 12)): Promise<{
  services: Services
  docs: MemoryDocs
  dataDir: string
  cleanup: () => Promise<void>
}> {
  const dataDir = await mkdtemp(join(tmpdir(), 'roundtable-rest-'))
  const docs = new MemoryDocs()
  const diffs = new HistoryWorker({ log: (line) => console.error(line) })
  const services: Services = {
    registry: await WorkspaceRegistry.open(dataDir),
    docs,
    ballots: new MemoryBallotStore(),
    checkpoints: new MemoryCheckpoints(),
    activity: new MemoryActivityLog(),
    diffs,
    secret: 'test-secret-of-sufficient-length',
    metrics: new Metrics(),
    now,
  }
  return { services, docs, dataDir, cleanup: async () => {
    await diffs.close()
    await rm(dataDir, { recursive: true, force: true })
  } }
}
