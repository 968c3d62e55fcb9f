import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app.ts'
import { seedDemoWorkspace } from '../../../server/seed/demoWorkspace.ts'
import { snapshot } from '../../../shared/doc/index.ts'
import type { Insights } from '../../../shared/rules/index.ts'
import { testServices } from '../../helpers/services.ts'

type Created = { id: string; tokens: Record<string, string> }
type Body = { workspaceId: string; generatedAt: string; insights: Insights }

let ctx: Awaited<ReturnType<typeof testServices>>
let app: ReturnType<typeof createApp>

beforeEach(async () => {
  ctx = await testServices()
  app = createApp({ services: ctx.services, logError: () => {} })
})
afterEach(() => ctx.cleanup())

const auth = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } })

/** A workspace holding the demo, seeded at the services' clock. */
async function demo(): Promise<Created> {
  const res = await app.request('/api/workspaces', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Demo' }) })
  const w = (await res.json()) as Created
  ctx.docs.docs.get(w.id)!.destroy()
  ctx.docs.docs.delete(w.id)
  await ctx.docs.withDoc(w.id, (doc) => seedDemoWorkspace(doc, 'Demo', ctx.services.now()))
  return w
}

const idOf = (w: Created, pick: 'cycle' | 'team') =>
  ctx.docs.withDoc(w.id, (doc) => {
    const snap = snapshot(doc)
    return pick === 'cycle' ? [...snap.cycles.keys()][0]! : [...snap.teams.values()].find((t) => t.name === 'Growth')!.id
  })

async function get(w: Created, query = '', token = w.tokens.viewer!): Promise<Response> {
  return app.request(`/api/workspaces/${w.id}/insights${query}`, auth(token))
}

describe('GET /api/workspaces/:id/insights', () => {
  it('gives a viewer the running cycle\'s dashboard: stalled KRs behind, missed check-ins, forecasts', async () => {
    const w = await demo()
    const res = await get(w)
    expect(res.status).toBe(200)
    const { insights } = (await res.json()) as Body
    expect(insights.cycle.name).toBe('Q4 2026')
    const krs = insights.progress.objectives.flatMap((o) => o.keyResults)
    const status = (title: string) => krs.find((k) => k.title === title)?.status
    expect(status('Raise trial-to-paid conversion')).toBe('atRisk')
    expect(status('Run customer interviews on drafting')).toBe('atRisk')
    expect(insights.discipline.total.missed).toBeGreaterThan(0)
    const forecastOf = (title: string) => insights.forecasts.find((f) => insights.names.keyResults[f.keyResultId] === title)?.forecast
    expect(forecastOf('Grow weekly active teams')?.text).toMatch(/^on this pace: \d+% by Dec 31 \(line over the last 4 check-ins\)$/)
    expect(forecastOf('Run usability tests of the new flow')?.text).toBe('no forecast: 2 check-ins, at least 3 needed')
    expect(insights.scores.total).toBe(krs.length)
  })

  it('takes a cycle and filters, the same figures as the rule', async () => {
    const w = await demo()
    const cycle = await idOf(w, 'cycle')
    const team = await idOf(w, 'team')
    const all = ((await (await get(w, `?cycle=${cycle}`)).json()) as Body).insights
    const growth = ((await (await get(w, `?cycle=${cycle}&team=${team}`)).json()) as Body).insights
    expect(growth.progress.objectives.map((o) => o.title)).toEqual(['Turn trials into active teams', 'Redesign the first-run experience'])
    expect(growth.progress.objectives.length).toBeLessThan(all.progress.objectives.length)
    const company = ((await (await get(w, `?cycle=${cycle}&level=company`)).json()) as Body).insights
    expect(company.progress.objectives).toHaveLength(1)
  })

  it('a check-in pushed through the API moves the forecast', async () => {
    const w = await demo()
    const before = ((await (await get(w)).json()) as Body).insights
    const krId = Object.entries(before.names.keyResults).find(([, title]) => title === 'Grow weekly active teams')![0]
    const value = (i: Insights) => i.forecasts.find((f) => f.keyResultId === krId)!.forecast
    const res = await app.request(`/api/workspaces/${w.id}/key-results/${krId}/check-ins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${w.tokens.editor!}` },
      body: JSON.stringify({ value: 290, confidence: 8 }),
    })
    expect(res.status).toBe(201)
    const after = ((await (await get(w)).json()) as Body).insights
    expect(value(after).points).toBe(5)
    expect(value(after).text).not.toBe(value(before).text)
  })

  it('answers bad input with JSON errors', async () => {
    const w = await demo()
    const error = async (res: Response, status: number, code: string) => {
      expect(res.status).toBe(status)
      expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } })
    }
    await error(await get(w, '?cycle=nope'), 404, 'cycle_not_found')
    await error(await get(w, '?cycle=no%20way'), 400, 'bad_cycle')
    await error(await get(w, '?team=a.b'), 400, 'bad_team')
    await error(await get(w, '?level=galaxy'), 400, 'bad_level')
    await error(await app.request(`/api/workspaces/${w.id}/insights`), 401, 'invalid_token')
  })

  it('says when no cycle is running and none was named', async () => {
    const res = await app.request('/api/workspaces', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Fresh' }) })
    const w = (await res.json()) as Created
    // A new workspace's quarter is a draft: nothing runs until it is published.
    const answer = await get(w)
    expect(answer.status).toBe(400)
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('cycle_required')
    const cycle = await idOf(w, 'cycle')
    const named = ((await (await get(w, `?cycle=${cycle}`)).json()) as Body).insights
    expect(named.progress).toEqual({ progress: null, expected: expect.any(Number), status: null, objectives: [] })
  })
})
