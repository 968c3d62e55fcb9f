/**
 * Webhooks over the real server (127.0.0.1:0, real files) and a real receiver (node:http on
 * 127.0.0.1:0): delivery and signature, a retry after a 500, stall and check-in events from a
 * check-in made through the REST API, mentions, the dead-hook bound, and who may manage hooks.
 */
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, Server } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readConfig } from '../../../server/config.ts'
import { startServer } from '../../../server/start.ts'
import type { RunningServer } from '../../../server/start.ts'
import type { WebhookStore } from '../../../server/storage/WebhookStore.ts'
import { verifySignature } from '../../../server/webhooks/signature.ts'
import { OriginSource, addComment, checkIn, editComment, createKeyResult, createObjective, createPerson, createTask, moveTask, openSession, publishCycle, snapshot } from '../../../shared/doc/index.ts'
import { endMeeting, startMeeting } from '../../../shared/doc/meetings.ts'
import { MeetingKind } from '../../../shared/model/index.ts'
import type { CycleId, KeyResultId, PersonId } from '../../../shared/model/index.ts'
import { waitFor } from '../../helpers/waitFor.ts'

type Created = { id: string; tokens: Record<'owner' | 'editor' | 'viewer', string> }
interface Received {
  readonly headers: IncomingHttpHeaders
  readonly body: string
  readonly json: { event: string; text: string; url: string; keyResult: { id: string; url: string } | null; stalls: { ruleId: string }[]; mentioned: { name: string } | null }
}

/** The fields of the API's answers these tests read. */
interface ApiJson {
  readonly id: string
  readonly secret: string
  readonly eventId: string
  readonly webhooks: readonly unknown[]
  readonly warnings: readonly unknown[]
  readonly deliveries: readonly { status: string; responseCode: number; attempt: number; event: string }[]
  readonly error: { readonly code: string }
}

let dataDir: string
let server: RunningServer | null = null
/** The file store the server runs with (no DATABASE_URL here), read synchronously. */
const fileStore = () => server!.services.webhooks!.store as WebhookStore
let receiver: Server | null = null
const received: Received[] = []
/** What the receiver answers next (then 200). */
let answers: number[] = []
let logLines: string[] = []

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'roundtable-webhooks-'))
  received.length = 0
  answers = []
  logLines = []
  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => {
      received.push({ headers: req.headers, body, json: JSON.parse(body) as Received['json'] })
      res.statusCode = answers.shift() ?? 200
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver?.listen(0, '127.0.0.1', resolve))
})

afterEach(async () => {
  await server?.stop()
  server = null
  await new Promise((resolve) => receiver?.close(resolve))
  receiver?.closeAllConnections()
  await rm(dataDir, { recursive: true, force: true })
})

const hookUrl = () => {
  const address = receiver?.address()
  return `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/hook`
}

async function start(env: Record<string, string> = {}, retryBaseMs = 5): Promise<string> {
  const config = { ...readConfig({ PORT: '0', DATA_DIR: dataDir, WEBHOOKS_ALLOW_PRIVATE: '1', ...env }), limits: { ...readConfig({}).limits, commitWindowMs: 10 } }
  server = await startServer(config, { log: (line) => logLines.push(line), demo: false, serveClient: false, webhookRetryBaseMs: retryBaseMs, webhookSettleMs: 10 })
  return server.url
}

async function api(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: ApiJson }> {
  const res = await fetch(`${server?.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: (res.status === 204 ? null : await res.json()) as ApiJson }
}

async function workspace(): Promise<Created & { krId: KeyResultId; cycleId: CycleId; ada: PersonId; ben: PersonId }> {
  const w = (await (await fetch(`${server?.url}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Acme' }) })).json()) as Created
  const made = await server!.rooms.withDoc(w.id, (doc) => {
    const s = openSession(doc, { source: OriginSource.System })
    const cycleId = [...snapshot(doc).cycles.keys()][0]!
    const ada = createPerson(s, { name: 'Ada' })
    const ben = createPerson(s, { name: 'Ben' })
    const objectiveId = createObjective(s, { cycleId, title: 'Grow' })
    const krId = createKeyResult(s, { objectiveId, title: 'Signups', start: 0, target: 100, weight: 100 })
    // On target and confident: not stalled when the hook is created.
    checkIn(s, { keyResultId: krId, value: 100, confidence: 8 })
    publishCycle(s, cycleId)
    return { krId, cycleId, ada, ben }
  })
  return { ...w, ...made }
}

describe('webhooks over the real server', () => {
  it('deliver a signed test event; only the owner manages hooks; bad URLs are refused with JSON errors', async () => {
    await start()
    const w = await workspace()
    const base = `/api/workspaces/${w.id}/webhooks`
    // Refusals first.
    expect(await api('POST', base, w.tokens.editor, { url: hookUrl(), events: ['check-in'] })).toMatchObject({ status: 403, json: { error: { code: 'owner_only' } } })
    expect((await api('GET', base, w.tokens.viewer)).status).toBe(403)
    expect(await api('POST', base, w.tokens.owner, { url: 'ftp://127.0.0.1/x', events: ['check-in'] })).toMatchObject({ status: 400, json: { error: { code: 'bad_url' } } })
    expect(await api('POST', base, w.tokens.owner, { url: hookUrl(), events: ['nope'] })).toMatchObject({ status: 400, json: { error: { code: 'invalid_body' } } })

    const created = await api('POST', base, w.tokens.owner, { url: hookUrl(), events: ['check-in', 'stall-appeared'] })
    expect(created.status).toBe(201)
    const secret = created.json.secret
    expect(secret).toMatch(/^whsec_/)
    const listed = await api('GET', base, w.tokens.owner)
    expect(listed.json.webhooks).toHaveLength(1)
    expect(JSON.stringify(listed.json)).not.toContain(secret)
    expect(await api('PATCH', `${base}/${created.json.id}`, w.tokens.editor, { slack: true })).toMatchObject({ status: 403 })

    const test = await api('POST', `${base}/${created.json.id}/test`, w.tokens.owner)
    expect(test.status).toBe(202)
    await waitFor(() => received.length === 1, 'the test event')
    const [got] = received
    expect(got?.json).toMatchObject({ event: 'test', text: 'Test event from Roundtable, workspace "Acme"', url: `${server?.url}/w/${w.id}` })
    expect(got?.headers['x-roundtable-event']).toBe('test')
    expect(verifySignature(secret, got!.body, got!.headers['x-roundtable-signature'] as string)).toBe(true)
    expect(verifySignature('whsec_other', got!.body, got!.headers['x-roundtable-signature'] as string)).toBe(false)
    await waitFor(() => fileStore().deliveries(created.json.id).length === 1, 'the log line')
    const log = await api('GET', `${base}/${created.json.id}/deliveries`, w.tokens.owner)
    expect(log.json.deliveries).toEqual([expect.objectContaining({ event: 'test', status: 'delivered', responseCode: 200, attempt: 1 })])

    // Slack-compatible: {"text"} bodies.
    expect((await api('PATCH', `${base}/${created.json.id}`, w.tokens.owner, { slack: true })).json).toMatchObject({ slack: true, events: ['check-in', 'stall-appeared'] })
    await api('POST', `${base}/${created.json.id}/test`, w.tokens.owner)
    await waitFor(() => received.length === 2, 'the Slack test event')
    expect(Object.keys(received[1]!.json)).toEqual(['text'])
    expect(received[1]!.json.text).toContain(`<${server?.url}/w/${w.id}|Open in Roundtable>`)

    expect((await api('DELETE', `${base}/${created.json.id}`, w.tokens.owner)).status).toBe(204)
    expect((await api('GET', base, w.tokens.owner)).json.webhooks).toEqual([])
  })

  it('refuse loopback URLs unless WEBHOOKS_ALLOW_PRIVATE is set', async () => {
    await start({ WEBHOOKS_ALLOW_PRIVATE: '' })
    const w = await workspace()
    const refused = await api('POST', `/api/workspaces/${w.id}/webhooks`, w.tokens.owner, { url: hookUrl(), events: ['check-in'] })
    expect(refused).toMatchObject({ status: 400, json: { error: { code: 'private_url' } } })
    expect((await api('POST', `/api/workspaces/${w.id}/webhooks`, w.tokens.owner, { url: 'http://[::1]:9/', events: ['check-in'] })).json.error.code).toBe('private_url')
  })

  it('retry after a 500 with backoff, and log each attempt', async () => {
    await start()
    const w = await workspace()
    const hook = (await api('POST', `/api/workspaces/${w.id}/webhooks`, w.tokens.owner, { url: hookUrl(), events: ['check-in'] })).json
    answers = [500, 503]
    await api('POST', `/api/workspaces/${w.id}/webhooks/${hook.id}/test`, w.tokens.owner)
    await waitFor(() => received.length === 3, 'two failures and a success')
    await server!.services.webhooks!.settled()
    const log = (await api('GET', `/api/workspaces/${w.id}/webhooks/${hook.id}/deliveries`, w.tokens.owner)).json.deliveries
    expect(log.map((d) => [d.status, d.responseCode, d.attempt])).toEqual([
      ['delivered', 200, 3],
      ['retrying', 503, 2],
      ['retrying', 500, 1],
    ])
    // The same event, the same bytes each time.
    expect(new Set(received.map((r) => r.body)).size).toBe(1)
  })

  it('send check-in and stall events for a check-in made through the REST API, the KR linked, once per hour', async () => {
    await start()
    const w = await workspace()
    const base = `/api/workspaces/${w.id}`
    expect((await api('GET', `${base}/stalls`, w.tokens.viewer)).json.warnings).toEqual([])
    await api('POST', `${base}/webhooks`, w.tokens.owner, { url: hookUrl(), events: ['check-in', 'stall-appeared', 'stall-cleared'] })
    const post = (confidence: number) => api('POST', `${base}/key-results/${w.krId}/check-ins`, w.tokens.editor, { value: 100, confidence, note: 'from the nightly job' })

    expect((await post(2)).status).toBe(201)
    await waitFor(() => received.length === 2, 'the check-in and the stall')
    const byEvent = (event: string) => received.filter((r) => r.json.event === event)
    expect(byEvent('check-in')[0]?.json).toMatchObject({ text: 'Check-in on "Signups": 100 at 2/10', url: `${server?.url}/w/${w.id}/kr/${w.krId}` })
    const stall = byEvent('stall-appeared')[0]?.json
    expect(stall?.keyResult).toMatchObject({ id: w.krId, url: `${server?.url}/w/${w.id}/kr/${w.krId}` })
    expect(stall?.stalls.map((s) => s.ruleId)).toContain('S3')

    await post(9)
    await waitFor(() => byEvent('stall-cleared').length === 1 && byEvent('check-in').length === 2, 'the clearing')
    // Stalled again within the hour: the check-in is sent, the stall is not.
    await post(1)
    await waitFor(() => byEvent('check-in').length === 3, 'the third check-in')
    await server!.services.webhooks!.settled()
    expect(byEvent('stall-appeared')).toHaveLength(1)
  })

  it('tell a hook about a new comment\'s mentions, not about older ones', async () => {
    await start()
    const w = await workspace()
    await server!.rooms.withDoc(w.id, (doc) => addComment(openSession(doc, { source: OriginSource.Api }), { target: { kind: 'keyResult', id: w.krId }, body: 'old @Ben', mentions: [w.ben] }))
    await api('POST', `/api/workspaces/${w.id}/webhooks`, w.tokens.owner, { url: hookUrl(), events: ['mention'] })
    await server!.rooms.withDoc(w.id, (doc) => addComment(openSession(doc, { source: OriginSource.Api, actor: w.ada }), { target: { kind: 'keyResult', id: w.krId }, body: 'Ben, can you take this?', mentions: [w.ben] }))
    await waitFor(() => received.length === 1, 'the mention')
    await server!.services.webhooks!.settled()
    expect(received).toHaveLength(1)
    expect(received[0]?.json).toMatchObject({ event: 'mention', text: 'Ada mentioned Ben: "Ben, can you take this?"', mentioned: { name: 'Ben' } })
  })

  it('tell a hook a mention with names for the stored tokens, and, after an edit, only the newly mentioned', async () => {
    await start()
    const w = await workspace()
    await api('POST', `/api/workspaces/${w.id}/webhooks`, w.tokens.owner, { url: hookUrl(), events: ['mention'] })
    const commentId = await server!.rooms.withDoc(w.id, (doc) => addComment(openSession(doc, { source: OriginSource.Api, actor: w.ada }), { target: { kind: 'keyResult', id: w.krId }, body: `@[${w.ben}] can you take this?` }))
    await waitFor(() => received.length === 1, 'the mention')
    expect(received[0]?.json).toMatchObject({ event: 'mention', text: 'Ada mentioned Ben: "@Ben can you take this?"', mentioned: { name: 'Ben' } })
    await server!.rooms.withDoc(w.id, (doc) => editComment(openSession(doc, { source: OriginSource.Api, actor: w.ada }), commentId, `@[${w.ben}] can you take this? cc @[${w.ada}]`))
    await waitFor(() => received.length === 2, 'the new mention')
    await server!.services.webhooks!.settled()
    expect(received).toHaveLength(2)
    expect(received[1]?.json).toMatchObject({ event: 'mention', mentioned: { name: 'Ada' } })
  })

  it('tell a hook a card is done (linked to the card) and a meeting\'s minutes are ready (linked to them)', async () => {
    await start()
    const w = await workspace()
    await api('POST', `/api/workspaces/${w.id}/webhooks`, w.tokens.owner, { url: hookUrl(), events: ['task-done', 'minutes-ready'] })
    const { taskId, meetingId } = await server!.rooms.withDoc(w.id, (doc) => {
      const s = openSession(doc, { source: OriginSource.Api, actor: w.ada })
      const taskId = createTask(s, { title: 'Call Bo', columnId: 'todo', keyResultId: w.krId })
      moveTask(s, { taskId, columnId: 'doing', keyResultId: w.krId, index: 0 })
      moveTask(s, { taskId, columnId: 'done', keyResultId: w.krId, index: 0 })
      const meetingId = startMeeting(s, { kind: MeetingKind.Weekly, cycleId: w.cycleId })
      endMeeting(s)
      return { taskId, meetingId }
    })
    await waitFor(() => received.length === 2, 'the card and the minutes')
    await server!.services.webhooks!.settled()
    const events = Object.fromEntries(received.map((r) => [r.json.event, r.json]))
    expect(Object.keys(events).sort()).toEqual(['minutes-ready', 'task-done'])
    expect(events['task-done']).toMatchObject({ text: '"Call Bo" is done (key result "Signups") (Ada)', url: `${server?.url}/w/${w.id}/task/${taskId}` })
    expect(events['minutes-ready']).toMatchObject({ url: `${server?.url}/w/${w.id}/meetings/${meetingId}` })
  })

  it('hold at most WEBHOOKS_MAX_PENDING deliveries for a dead hook, dropping the oldest with a log line', async () => {
    // Every attempt fails and the next waits a minute: deliveries pile up.
    await start({ WEBHOOKS_MAX_PENDING: '2' }, 60_000)
    const w = await workspace()
    const hook = (await api('POST', `/api/workspaces/${w.id}/webhooks`, w.tokens.owner, { url: hookUrl(), events: ['check-in'] })).json
    answers = Array.from({ length: 10 }, () => 500)
    const first = (await api('POST', `/api/workspaces/${w.id}/webhooks/${hook.id}/test`, w.tokens.owner)).json.eventId
    await waitFor(() => received.length === 1, 'the first attempt')
    await api('POST', `/api/workspaces/${w.id}/webhooks/${hook.id}/test`, w.tokens.owner)
    await waitFor(() => received.length === 2, 'the second attempt')
    await api('POST', `/api/workspaces/${w.id}/webhooks/${hook.id}/test`, w.tokens.owner)
    await waitFor(() => received.length === 3, 'the third attempt')
    await waitFor(() => fileStore().deliveries(hook.id).length === 4, 'three failures and a drop')
    expect(server!.services.webhooks!.pending).toBe(2)
    expect(logLines.filter((l) => l.includes('dropped'))).toEqual([expect.stringContaining(`dropped test event ${first} for hook ${hook.id}`)])
    const statuses = fileStore().deliveries(hook.id).map((d) => [d.eventId === first, d.status])
    expect(statuses).toContainEqual([true, 'dropped'])
  })
})
