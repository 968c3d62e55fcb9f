/**
 * @module `/api/workspaces`: create and import workspaces, read their info, rotate their links,
 * export them (JSON, Markdown, CSV), push check-ins from scripts, and list current stall warnings.
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import {
  OriginSource,
  checkIn,
  createCycle,
  exportWorkspace,
  importWorkspace,
  initWorkspace,
  openSession,
  parseWorkspaceExport,
  randomId,
  readSnapshot,
  recordCounts,
} from '../../shared/doc/index.ts'
import type { KeyResultId, WorkspaceSnapshot } from '../../shared/model/index.ts'
import { Role } from '../../shared/protocol/index.ts'
import { keyResultProgress, quarterAround, stallWarnings } from '../../shared/rules/index.ts'
import { Need, authorize, tokenOf, workspaceIdOf } from '../auth/access.ts'
import { workspaceLinks } from '../auth/links.ts'
import { ApiError, asApi } from '../errors.ts'
import { csvExport } from '../export/csvExport.ts'
import { markdownOnePager } from '../export/markdownOnePager.ts'
import type { Services } from '../services.ts'
import type { WorkspaceMeta } from '../storage/WorkspaceRegistry.ts'
import { body, bodyTooLarge } from './jsonBody.ts'

const ROLES = Object.values(Role)
/** An export of a large board is a few MB; anything far beyond is not ours. */
const MAX_IMPORT_BYTES = 32 * 1024 * 1024
const MAX_BODY_BYTES = 64 * 1024

const createBody = z.object({ name: z.string().trim().min(1).max(200) }).strict()
const rotateBody = z.object({ roles: z.array(z.enum(ROLES as [Role, ...Role[]])).min(1).optional() }).strict()
const checkInBody = z
  .object({
    value: z.number().refine(Number.isFinite, 'must be a finite number'),
    confidence: z.number().int().min(0).max(10),
    note: z.string().max(2_000).optional(),
  })
  .strict()

export function workspaces(services: Services) {
  const { registry, docs, now } = services
  const access = (c: Context, need: Need) => {
    const workspaceId = workspaceIdOf(c.req.param('id') ?? '')
    return authorize(services, workspaceId, tokenOf(c.req.header('authorization'), c.req.query('token')), need)
  }
  /** Reads the live document once: the server keeps no cached copy of the model (see DESIGN.md). */
  const read = <T>(id: string, fn: (snap: WorkspaceSnapshot) => T) => docs.withDoc(id, (doc) => fn(readSnapshot(doc)))

  return new Hono()
    .post('/', bodyTooLarge(MAX_BODY_BYTES), async (c) => {
      const { name } = await body(c, createBody)
      const id = randomId()
      const t = now()
      await docs.withDoc(id, (doc) => {
        const s = openSession(doc, { source: OriginSource.System, now })
        initWorkspace(s, { name })
        const quarter = quarterAround(t)
        createCycle(s, { name: quarter.name, startDate: quarter.start, endDate: quarter.end })
      })
      const meta = await registry.create(id, name, t)
      services.metrics.inc('roundtable_workspaces_created_total', 'Workspaces created or imported')
      return c.json(workspaceLinks(services.secret, meta, new URL(c.req.url).origin), 201)
    })

    .post('/import', bodyTooLarge(MAX_IMPORT_BYTES), async (c) => {
      const raw = await body(c, z.unknown())
      const data = await asApi(async () => parseWorkspaceExport(raw))
      const id = randomId()
      await asApi(() => docs.withDoc(id, (doc) => importWorkspace(openSession(doc, { source: OriginSource.Api, now }), data)))
      const meta = await registry.create(id, data.settings.name, now())
      services.metrics.inc('roundtable_workspaces_created_total', 'Workspaces created or imported')
      return c.json(workspaceLinks(services.secret, meta, new URL(c.req.url).origin), 201)
    })

    .get('/:id', async (c) => {
      const { workspaceId, role } = access(c, Need.Read)
      const meta = registry.get(workspaceId) as WorkspaceMeta
      // Counted, not read: every browser opening a board waits for this answer.
      const counts = await docs.withDoc(workspaceId, recordCounts)
      return c.json({ id: meta.id, name: meta.name, createdAt: new Date(meta.createdAt).toISOString(), role, counts })
    })

    .get('/:id/links', (c) => {
      const { workspaceId } = access(c, Need.Own)
      const meta = registry.get(workspaceId) as WorkspaceMeta
      return c.json(workspaceLinks(services.secret, meta, new URL(c.req.url).origin))
    })

    .post('/:id/links/rotate', bodyTooLarge(MAX_BODY_BYTES), async (c) => {
      const { workspaceId } = access(c, Need.Own)
      const { roles } = await body(c, rotateBody)
      const meta = await registry.rotate(workspaceId, roles ?? [Role.Editor, Role.Viewer])
      return c.json(workspaceLinks(services.secret, meta, new URL(c.req.url).origin))
    })

    .get('/:id/export', async (c) => {
      const { workspaceId } = access(c, Need.Read)
      const format = c.req.query('format') ?? 'json'
      if (format === 'json') {
        const data = await read(workspaceId, (snap) => exportWorkspace(snap, now()))
        c.header('Content-Disposition', `attachment; filename="${workspaceId}.json"`)
        return c.json(data)
      }
      if (format === 'md') {
        const text = await read(workspaceId, (snap) => markdownOnePager(snap, now()))
        c.header('Content-Disposition', `inline; filename="${workspaceId}.md"`)
        return c.body(text, 200, { 'Content-Type': 'text/markdown; charset=utf-8' })
      }
      if (format === 'csv') {
        const text = await read(workspaceId, (snap) => csvExport(snap))
        c.header('Content-Disposition', `attachment; filename="${workspaceId}.csv"`)
        return c.body(text, 200, { 'Content-Type': 'text/csv; charset=utf-8; header=present' })
      }
      throw new ApiError(400, 'bad_format', 'format must be json, md or csv')
    })

    .post('/:id/key-results/:krId/check-ins', bodyTooLarge(MAX_BODY_BYTES), async (c) => {
      const { workspaceId } = access(c, Need.Write)
      const keyResultId = c.req.param('krId') as KeyResultId
      const input = await body(c, checkInBody)
      const result = await asApi(() =>
        docs.withDoc(workspaceId, (doc) => {
          const id = checkIn(openSession(doc, { source: OriginSource.Api, now }), { keyResultId, ...input })
          const snap = readSnapshot(doc)
          const kr = snap.keyResults.get(keyResultId)
          return { checkIn: snap.checkIns.get(id), progress: kr ? keyResultProgress(snap, kr).progress : null }
        }),
      )
      services.metrics.inc('roundtable_api_check_ins_total', 'Check-ins pushed through the REST API')
      return c.json(result, 201)
    })

    .get('/:id/stalls', async (c) => {
      const { workspaceId } = access(c, Need.Read)
      const t = now()
      const warnings = await read(workspaceId, (snap) =>
        stallWarnings(snap, t).map((w) => ({
          ...w,
          title: titleOf(snap, w.target.kind, w.target.id),
          keyResultTitle: w.keyResultId ? (snap.keyResults.get(w.keyResultId as KeyResultId)?.title ?? null) : null,
        })),
      )
      return c.json({ workspaceId, generatedAt: new Date(t).toISOString(), warnings })
    })
}

function titleOf(snap: WorkspaceSnapshot, kind: string, id: string): string | null {
  if (kind === 'keyResult') return snap.keyResults.get(id as never)?.title ?? null
  if (kind === 'task') return snap.tasks.get(id as never)?.title ?? null
  if (kind === 'column') return snap.columns.get(id as never)?.name ?? null
  return null
}
