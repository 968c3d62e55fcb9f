import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app.ts'
import { CSV_COLUMNS, csvCell } from '../../../server/export/csvExport.ts'
import {
  OriginSource,
  createKeyResult,
  createObjective,
  createTask,
  openSession,
  snapshot,
} from '../../../shared/doc/index.ts'
import { testServices } from '../../helpers/services.ts'

type Created = { id: string; tokens: Record<string, string> }

let ctx: Awaited<ReturnType<typeof testServices>>
let app: ReturnType<typeof createApp>

beforeEach(async () => {
  ctx = await testServices()
  app = createApp({ services: ctx.services, logError: () => {} })
})
afterEach(() => ctx.cleanup())

const auth = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } })

async function workspaceWithTrickyTitles(): Promise<Created> {
  const res = await app.request('/api/workspaces', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Acme' }),
  })
  const w = (await res.json()) as Created
  await ctx.docs.withDoc(w.id, (doc) => {
    // A clock that ticks per command: rows come in creation order, and two cards made in the same
    // millisecond would be ordered by their random ids.
    let t = Date.UTC(2026, 10, 1)
    const s = openSession(doc, { source: OriginSource.System, now: () => t++ })
    const cycleId = [...snapshot(doc).cycles.keys()][0]!
    const objectiveId = createObjective(s, { cycleId, title: 'Grow, "fast"' })
    const keyResultId = createKeyResult(s, { objectiveId, title: '=HYPERLINK("http://evil")', start: -5, target: 12.5, weight: 100, unit: '%' })
    createTask(s, { title: 'Call them,\nthen write', columnId: 'todo', keyResultId, dueDate: '2026-12-01' })
    createTask(s, { title: '@channel ping', columnId: 'todo', keyResultId })
  })
  return w
}

/** A small RFC 4180 reader, so the test checks what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const endField = () => {
    row.push(field)
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') endField()
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField()
      rows.push(row)
      row = []
      i++
    } else field += ch
  }
  return rows
}

describe('GET /api/workspaces/:id/export?format=csv', () => {
  it('is a text/csv attachment with a header row and one row per key result and per task', async () => {
    const w = await workspaceWithTrickyTitles()
    const res = await app.request(`/api/workspaces/${w.id}/export?format=csv`, auth(w.tokens.viewer!))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/)
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${w.id}.csv"`)
    const text = await res.text()
    expect(text.endsWith('\r\n')).toBe(true)
    const [header, ...rows] = parseCsv(text)
    expect(header).toEqual([...CSV_COLUMNS])
    expect(rows.map((r) => r[0])).toEqual(['key_result', 'task', 'task'])
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length)
    const col = (r: string[], name: (typeof CSV_COLUMNS)[number]) => r[CSV_COLUMNS.indexOf(name)]
    const [kr, call, ping] = rows as [string[], string[], string[]]
    expect(col(kr, 'objective')).toBe('Grow, "fast"')
    expect(col(kr, 'title')).toBe(`'=HYPERLINK("http://evil")`)
    expect(col(kr, 'start')).toBe('-5')
    expect(col(kr, 'target')).toBe('12.5')
    expect(col(kr, 'weight')).toBe('100')
    expect(col(kr, 'progress')).toBe('0')
    expect(col(kr, 'created_at')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(col(call, 'title')).toBe('Call them,\nthen write')
    expect(col(call, 'key_result')).toBe(`'=HYPERLINK("http://evil")`)
    expect(col(call, 'column')).toBe('To do')
    expect(col(call, 'due_date')).toBe('2026-12-01')
    expect(col(ping, 'title')).toBe("'@channel ping")
  })

  it('answers a bad format with a JSON 400', async () => {
    const w = await workspaceWithTrickyTitles()
    const res = await app.request(`/api/workspaces/${w.id}/export?format=xlsx`, auth(w.tokens.viewer!))
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    expect(await res.json()).toEqual({ error: { code: 'bad_format', message: expect.stringContaining('csv') } })
  })

  it('needs a token like the other formats', async () => {
    const w = await workspaceWithTrickyTitles()
    const res = await app.request(`/api/workspaces/${w.id}/export?format=csv`)
    expect(res.status).toBe(401)
  })
})

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    for (const lead of ['=', '+', '-', '@', '\t']) expect(csvCell(`${lead}1+1`)).toBe(`'${lead}1+1`)
    expect(csvCell('=1,2')).toBe(`"'=1,2"`)
    expect(csvCell(-3)).toBe('-3')
    expect(csvCell(null)).toBe('')
  })
})
