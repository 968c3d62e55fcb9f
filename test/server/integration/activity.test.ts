/**
 * Activity over the real server (127.0.0.1:0, real files) with a stock y-websocket client: who did
 * what is kept outside the document, a typing spell is one entry, and the API lists it per record.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readConfig } from '../../../server/config.ts'
import { startServer } from '../../../server/start.ts'
import type { RunningServer } from '../../../server/start.ts'
import { OriginSource, createKeyResult, createObjective, createPerson, createTask, editText, moveTask, openSession, snapshot } from '../../../shared/doc/index.ts'
import type { KeyResultId, PersonId, TaskId } from '../../../shared/model/index.ts'
import { connectClient } from '../../helpers/syncClient.ts'
import type { SyncClient } from '../../helpers/syncClient.ts'

type Created = { id: string; tokens: Record<'owner' | 'editor' | 'viewer', string> }
interface Listed {
  activity: { kind: string; target: { kind: string; id: string }; personId: string | null; detail: string }[]
}

let dataDir: string
let server: RunningServer | null = null
const clients: SyncClient[] = []

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'roundtable-activity-'))
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.stop()
  server = null
  await rm(dataDir, { recursive: true, force: true })
})

describe('activity over the real server', () => {
  it('records who moved a card and typed a title (one entry per spell), and the REST check-in, per record and per person', async () => {
    const config = { ...readConfig({ PORT: '0', DATA_DIR: dataDir }), limits: { ...readConfig({}).limits, commitWindowMs: 10 } }
    server = await startServer(config, { log: () => {}, demo: false, serveClient: false })
    const url = server.url
    const w = (await (await fetch(`${url}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Acme' }) })).json()) as Created
    const { ada, krId, taskId } = await server.rooms.withDoc(w.id, (doc) => {
      const s = openSession(doc, { source: OriginSource.System })
      const cycleId = [...snapshot(doc).cycles.keys()][0]!
      const ada: PersonId = createPerson(s, { name: 'Ada' })
      const objectiveId = createObjective(s, { cycleId, title: 'Grow' })
      const krId: KeyResultId = createKeyResult(s, { objectiveId, title: 'Signups', start: 0, target: 100, weight: 100 })
      const taskId: TaskId = createTask(s, { title: 'Call', columnId: 'todo', keyResultId: krId })
      return { ada, krId, taskId }
    })
    const client = connectClient(url, w.id, w.tokens.editor)
    clients.push(client)
    await client.synced()
    client.provider.awareness.setLocalState({ user: { name: 'Ada', color: '#336699', personId: ada } })
    const s = openSession(client.doc, { actor: ada })
    const get = async (query: string) => (await (await fetch(`${url}/api/workspaces/${w.id}/activity${query}`, { headers: { authorization: `Bearer ${w.tokens.viewer}` } })).json()) as Listed
    // The presence goes out on the same socket before the edits: the server knows who makes them.
    moveTask(s, { taskId, columnId: 'doing', keyResultId: krId, index: 0 })
    for (const ch of ' now') editText(s, { record: 'task', id: taskId, key: 'title' }, { index: snapshot(client.doc).tasks.get(taskId)!.title.length, remove: 0, insert: ch })
    await fetch(`${url}/api/workspaces/${w.id}/key-results/${krId}/check-ins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${w.tokens.editor}` },
      body: JSON.stringify({ value: 12, confidence: 6 }),
    })
    const deadline = Date.now() + 10_000
    let listed = await get(`?target=${krId}`)
    while (listed.activity.length < 3 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100))
      listed = await get(`?target=${krId}`)
    }
    expect(listed.activity.map((a) => [a.kind, a.target.id, a.personId, a.detail])).toEqual([
      ['checked-in', krId, null, '12 at 6/10'],
      ['text-edited', taskId, ada, 'title'],
      ['moved', taskId, ada, 'Doing'],
    ])
    expect((await get(`?target=${taskId}`)).activity).toHaveLength(2)
    // By person: Ada's own edits, not the REST check-in that named nobody; and both filters at once.
    expect((await get(`?person=${ada}`)).activity.map((a) => a.kind)).toEqual(['text-edited', 'moved'])
    expect((await get(`?person=${ada}&target=${krId}&limit=1`)).activity.map((a) => a.kind)).toEqual(['text-edited'])
    const badPerson = await fetch(`${url}/api/workspaces/${w.id}/activity?person=..%2Fx`, { headers: { authorization: `Bearer ${w.tokens.viewer}` } })
    expect(badPerson.status).toBe(400)
    expect(((await badPerson.json()) as { error: { code: string } }).error.code).toBe('bad_person')
    // Nothing of it is in the document: its size is what the board needs.
    const res = await fetch(`${url}/api/workspaces/${w.id}/activity?limit=0`, { headers: { authorization: `Bearer ${w.tokens.viewer}` } })
    expect(res.status).toBe(400)
  })
})
