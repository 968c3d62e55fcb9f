import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app.ts'
import {
  OriginSource,
  closeCycle,
  createKeyResult,
  createObjective,
  openSession,
  publishCycle,
  snapshot,
} from '../../../shared/doc/index.ts'
import { seedDemoWorkspace } from '../../../server/seed/demoWorkspace.ts'
import { testServices } from '../../helpers/services.ts'

type Created = { id: string; name: string; links: Record<string, string>; tokens: Record<string, string> }

let ctx: Awaited<ReturnType<typeof testServices>>
let app: ReturnType<typeof createApp>

beforeEach(async () => {
  ctx = await testServices()
  app = createApp({ services: ctx.services, logError: () => {} })
})
afterEach(() => ctx.cleanup())

const json = (body: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
})
const auth = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } })

async function create(name = 'Acme'): Promise<Created> {
  const res = await app.request('http://board.test/api/workspaces', json({ name }))
  expect(res.status).toBe(201)
  return (await res.json()) as Created
}

/** A workspace with one published objective and KR, through the live doc. */
async function withKeyResult(): Promise<Created & { krId: string }> {
  const w = await create()
  const krId = await ctx.docs.withDoc(w.id, (doc) => {
    const s = openSession(doc, { source: OriginSource.System })
    const cycleId = [...snapshot(doc).cycles.keys()][0]!
    const objectiveId = createObjective(s, { cycleId, title: 'Grow' })
    return createKeyResult(s, { objectiveId, title: 'Signups', start: 0, target: 100, weight: 100 })
  })
  return { ...w, krId }
}

function expectJsonError(body: unknown, code: string): void {
  expect(body).toEqual({ error: { code, message: expect.any(String) } })
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/)
}

describe('POST /api/workspaces', () => {
  it('creates a workspace with owner, editor and viewer links', async () => {
    const w = await create('Acme Corp')
    expect(w.name).toBe('Acme Corp')
    expect(w.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
    for (const role of ['owner', 'editor', 'viewer']) {
      expect(w.links[role]).toBe(`http://board.test/w/${w.id}#token=${w.tokens[role]}`)
    }
    const snap = snapshot(ctx.docs.docs.get(w.id)!)
    expect(snap.settings.name).toBe('Acme Corp')
    expect(snap.columns.size).toBe(4)
    expect([...snap.cycles.values()][0]).toMatchObject({ name: 'Q4 2026', status: 'draft' })
  })

  it('refuses bad bodies with a JSON error', async () => {
    for (const init of [json({}), json({ name: '' }), json({ name: 'x', extra: 1 }), { method: 'POST', body: '{oops' }]) {
      const res = await app.request('/api/workspaces', init)
      expect(res.status).toBe(400)
      expect(await res.json()).toEqual({ error: { code: expect.any(String), message: expect.any(String) } })
    }
    const huge = await app.request('/api/workspaces', json({ name: 'x'.repeat(100_000) }))
    expect(huge.status).toBe(413)
  })
})

describe('tokens', () => {
  it('each role reads the info; no token, a forged one or another workspace’s is 401', async () => {
    const a = await create('A')
    const b = await create('B')
    for (const role of ['owner', 'editor', 'viewer']) {
      const res = await app.request(`/api/workspaces/${a.id}`, auth(a.tokens[role]!))
      expect(await res.json()).toMatchObject({ id: a.id, name: 'A', role })
    }
    const forged = `${a.tokens.viewer!.split('.')[0]}.AAAA`
    for (const init of [{}, auth(forged), auth(b.tokens.owner!), auth('nonsense')]) {
      const res = await app.request(`/api/workspaces/${a.id}`, init)
      expect(res.status).toBe(401)
    }
    expect((await app.request(`/api/workspaces/${a.id}?token=${a.tokens.viewer}`)).status).toBe(200)
    expect((await app.request('/api/workspaces/..%2Fetc', auth(a.tokens.owner!))).status).toBe(400)
  })

  it('the owner can read the current links again; nobody else can', async () => {
    const w = await create()
    const res = await app.request(`http://board.test/api/workspaces/${w.id}/links`, auth(w.tokens.owner!))
    expect(await res.json()).toEqual(w)
    expect((await app.request(`/api/workspaces/${w.id}/links`, auth(w.tokens.editor!))).status).toBe(403)
  })

  it('rotating links revokes the old tokens of those roles only', async () => {
    const w = await create()
    const viewerRotate = await app.request(`/api/workspaces/${w.id}/links/rotate`, json({}, w.tokens.viewer))
    expect(viewerRotate.status).toBe(403)
    const res = await app.request(`/api/workspaces/${w.id}/links/rotate`, json({ roles: ['editor'] }, w.tokens.owner))
    const fresh = (await res.json()) as Created
    expect(fresh.tokens.editor).not.toBe(w.tokens.editor)
    expect((await app.request(`/api/workspaces/${w.id}`, auth(w.tokens.editor!))).status).toBe(401)
    expect((await app.request(`/api/workspaces/${w.id}`, auth(fresh.tokens.editor!))).status).toBe(200)
    expect((await app.request(`/api/workspaces/${w.id}`, auth(w.tokens.viewer!))).status).toBe(200)
  })
})

describe('check-in API', () => {
  it('an editor pushes a value that lands in the live document', async () => {
    const w = await withKeyResult()
    const res = await app.request(
      `/api/workspaces/${w.id}/key-results/${w.krId}/check-ins`,
      json({ value: 25, confidence: 7, note: 'from CI' }, w.tokens.editor),
    )
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ checkIn: { value: 25, confidence: 7, note: 'from CI' }, progress: 0.25 })
    const checkIns = [...snapshot(ctx.docs.docs.get(w.id)!).checkIns.values()]
    expect(checkIns.map((c) => c.value)).toEqual([25])
  })

  it('refuses viewers, bad values and unknown key results, changing nothing', async () => {
    const w = await withKeyResult()
    const url = `/api/workspaces/${w.id}/key-results/${w.krId}/check-ins`
    const viewer = await app.request(url, json({ value: 1, confidence: 5 }, w.tokens.viewer))
    expect(viewer.status).toBe(403)
    expectJsonError(await viewer.json(), 'read_only')
    const bad = await app.request(url, json({ value: 'high', confidence: 5 }, w.tokens.editor))
    expect(bad.status).toBe(400)
    const unknown = await app.request(`/api/workspaces/${w.id}/key-results/nope/check-ins`, json({ value: 1, confidence: 5 }, w.tokens.editor))
    expect(unknown.status).toBe(404)
    expectJsonError(await unknown.json(), 'not_found')
    expect(snapshot(ctx.docs.docs.get(w.id)!).checkIns.size).toBe(0)
  })

  it('a check-in on a closed cycle is 409 cycle_closed, changing nothing', async () => {
    const w = await withKeyResult()
    await ctx.docs.withDoc(w.id, (doc) => {
      const s = openSession(doc, { source: OriginSource.System })
      const cycleId = [...snapshot(doc).cycles.keys()][0]!
      publishCycle(s, cycleId)
      closeCycle(s, cycleId)
    })
    const res = await app.request(`/api/workspaces/${w.id}/key-results/${w.krId}/check-ins`, json({ value: 40, confidence: 6 }, w.tokens.editor))
    expect(res.status).toBe(409)
    const body = await res.json()
    expectJsonError(body, 'cycle_closed')
    expect((body as { error: { message: string } }).error.message).toContain('closed')
    expect(snapshot(ctx.docs.docs.get(w.id)!).checkIns.size).toBe(0)
  })
})

describe('export, import and stalls', () => {
  async function demo(): Promise<Created> {
    const w = await create('Demo')
    const doc = ctx.docs.docs.get(w.id)!
    doc.destroy()
    ctx.docs.docs.delete(w.id)
    await ctx.docs.withDoc(w.id, (fresh) => seedDemoWorkspace(fresh, 'Demo', ctx.services.now()))
    return w
  }

  it('exports JSON that imports into a new workspace with the same content', async () => {
    const w = await demo()
    const exported = await (await app.request(`/api/workspaces/${w.id}/export?format=json`, auth(w.tokens.viewer!))).json()
    const res = await app.request('/api/workspaces/import', json(exported))
    expect(res.status).toBe(201)
    const copy = (await res.json()) as Created
    expect(copy.id).not.toBe(w.id)
    const again = await (await app.request(`/api/workspaces/${copy.id}/export?format=json`, auth(copy.tokens.owner!))).json()
    expect(again).toEqual(exported)
  })

  it('the info counts the records the board holds', async () => {
    const w = await demo()
    const snap = await ctx.docs.withDoc(w.id, (doc) => snapshot(doc))
    const res = await app.request(`/api/workspaces/${w.id}`, auth(w.tokens.viewer!))
    expect(((await res.json()) as { counts: unknown }).counts).toEqual({
      cycles: snap.cycles.size,
      objectives: snap.objectives.size,
      keyResults: snap.keyResults.size,
      tasks: snap.tasks.size,
    })
    expect(snap.tasks.size).toBeGreaterThan(0)
  })

  it('refuses an import with broken references', async () => {
    const w = await demo()
    const exported = (await (await app.request(`/api/workspaces/${w.id}/export`, auth(w.tokens.viewer!))).json()) as {
      tasks: Array<{ cycleId: string }>
    }
    exported.tasks[0]!.cycleId = 'ghost'
    const res = await app.request('/api/workspaces/import', json(exported))
    expect(res.status).toBe(400)
    expectJsonError(await res.json(), 'invalid')
  })

  it('renders a Markdown one-pager', async () => {
    const w = await demo()
    const res = await app.request(`/api/workspaces/${w.id}/export?format=md`, auth(w.tokens.viewer!))
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/)
    const text = await res.text()
    expect(text).toMatch(/^# Demo: OKRs/)
    expect(text).toContain('### Become the tool teams reach for in every roundtable')
    expect(text).toContain('| Grow weekly active teams | increase | 40% | 190 teams | 39% | 4/10 |')
    expect((await app.request(`/api/workspaces/${w.id}/export?format=pdf`, auth(w.tokens.viewer!))).status).toBe(400)
  })

  it('lists current stall warnings with titles, for bots and digests', async () => {
    const w = await demo()
    const res = await app.request(`/api/workspaces/${w.id}/stalls`, auth(w.tokens.viewer!))
    const body = (await res.json()) as { warnings: Array<{ ruleId: string; title: string; severity: string; reason: string }> }
    expect(body.warnings.length).toBeGreaterThan(3)
    expect(body.warnings[0]).toMatchObject({ severity: 'critical' })
    expect(body.warnings).toContainEqual(
      expect.objectContaining({ ruleId: 'S3', title: 'Raise trial-to-paid conversion', reason: 'confidence 3 of 10 in the latest check-in' }),
    )
  })
})

describe('metrics', () => {
  it('serves Prometheus text', async () => {
    await create()
    const res = await app.request('/metrics')
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    const text = await res.text()
    expect(text).toContain('# TYPE roundtable_workspaces_created_total counter')
    expect(text).toMatch(/^roundtable_rooms 1$/m)
  })
})
