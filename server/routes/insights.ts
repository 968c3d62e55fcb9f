/**
 * @module `GET /api/workspaces/:id/insights?cycle=&team=&owner=&level=`: the insights dashboard's
 * figures as JSON for scripts (any link may read them), computed by the same shared rule the view uses.
 */
import { Hono } from 'hono'
import { readSnapshot } from '../../shared/doc/index.ts'
import { CycleStatus, ObjectiveLevel, enumValues, isId } from '../../shared/model/index.ts'
import type { CycleId, ObjectiveLevel as Level, PersonId, TeamId, WorkspaceSnapshot } from '../../shared/model/index.ts'
import { cycleWindow, insights } from '../../shared/rules/index.ts'
import { Need, authorize, tokenOf, workspaceIdOf } from '../auth/access.ts'
import { ApiError } from '../errors.ts'
import type { Services } from '../services.ts'

/** An optional id parameter: absent is null, malformed is a 400. */
function idParam(raw: string | undefined, name: string): string | null {
  if (raw === undefined || raw === '') return null
  if (!isId(raw)) throw new ApiError(400, `bad_${name}`, `${name} must be an id (1-64 letters, digits, _ or -)`)
  return raw
}

/** The cycle asked for, else the published cycle running at `now`. */
function cycleOf(snap: WorkspaceSnapshot, asked: string | null, now: number): CycleId {
  if (asked !== null) {
    if (!snap.cycles.has(asked as CycleId)) throw new ApiError(404, 'cycle_not_found', 'No such cycle in this workspace')
    return asked as CycleId
  }
  for (const cycle of snap.cycles.values()) {
    const window = cycleWindow(cycle)
    if (cycle.status === CycleStatus.Published && window !== null && window.start <= now && now < window.end) return cycle.id
  }
  throw new ApiError(400, 'cycle_required', 'No published cycle is running: name one with ?cycle=')
}

export function insightsRoute(services: Services) {
  return new Hono().get('/:id/insights', async (c) => {
    const workspaceId = workspaceIdOf(c.req.param('id'))
    authorize(services, workspaceId, tokenOf(c.req.header('authorization'), c.req.query('token')), Need.Read)
    const cycle = idParam(c.req.query('cycle'), 'cycle')
    const teamId = idParam(c.req.query('team'), 'team') as TeamId | null
    const ownerId = idParam(c.req.query('owner'), 'owner') as PersonId | null
    const rawLevel = c.req.query('level') ?? ''
    if (rawLevel !== '' && !enumValues(ObjectiveLevel).includes(rawLevel as Level)) {
      throw new ApiError(400, 'bad_level', 'level must be company, team or individual')
    }
    const level = rawLevel === '' ? null : (rawLevel as Level)
    const now = services.now()
    const result = await services.docs.withDoc(workspaceId, (doc) => {
      const snap = readSnapshot(doc)
      return insights(snap, cycleOf(snap, cycle, now), now, { teamId, ownerId, level })
    })
    return c.json({ workspaceId, generatedAt: new Date(now).toISOString(), insights: result })
  })
}
