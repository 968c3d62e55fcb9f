import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { MIN_COMPRESS_BYTES, compressResponses } from '../../server/compressResponses.ts'

const LARGE = { cards: Array.from({ length: 200 }, (_, i) => ({ id: `task-${i}`, title: `Card number ${i}`, column: 'todo' })) }
const LARGE_TEXT = JSON.stringify(LARGE)

const app = new Hono()
  .use('*', compressResponses())
  .get('/large', (c) => c.json(LARGE))
  .get('/small', (c) => c.json({ ok: true }))
  .get('/per-origin', (c) => c.json(LARGE, 200, { Vary: 'Origin' }))
  .get('/binary', (c) => c.body(new Uint8Array(4096), 200, { 'Content-Type': 'application/octet-stream' }))
  .get('/markdown', (c) => c.body(`# Export\n\n${'- a key result\n'.repeat(200)}`, 200, { 'Content-Type': 'text/markdown; charset=utf-8' }))

const get = (path: string, acceptEncoding?: string) =>
  app.request(path, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } })
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer())

describe('compressResponses', () => {
  it('sends brotli to a browser, which accepts it beside gzip', async () => {
    const res = await get('/large', 'gzip, deflate, br, zstd')
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.headers.get('vary')).toBe('Accept-Encoding')
    const body = await bytes(res)
    expect(Number(res.headers.get('content-length'))).toBe(body.length)
    expect(body.length).toBeLessThan(LARGE_TEXT.length / 4)
    expect(JSON.parse(brotliDecompressSync(body).toString())).toEqual(LARGE)
  })

  it('sends gzip to a client that takes only gzip, or prefers it by q', async () => {
    for (const header of ['gzip', 'gzip;q=1, br;q=0.5', 'br;q=0, *']) {
      const res = await get('/large', header)
      expect(res.headers.get('content-encoding'), header).toBe('gzip')
      expect(JSON.parse(gunzipSync(await bytes(res)).toString()), header).toEqual(LARGE)
    }
  })

  it('sends the body as it is to a client that asks for no encoding, varying on the header', async () => {
    for (const header of [undefined, 'identity', 'deflate', 'br;q=0, gzip;q=0']) {
      const res = await get('/large', header)
      expect(res.headers.get('content-encoding'), header).toBeNull()
      expect(res.headers.get('vary'), header).toBe('Accept-Encoding')
      expect(await res.json(), header).toEqual(LARGE)
    }
  })

  it('adds Accept-Encoding to a Vary header the route set', async () => {
    const res = await get('/per-origin', 'br')
    expect(res.headers.get('vary')).toBe('Origin, Accept-Encoding')
  })

  it(`leaves a body under ${MIN_COMPRESS_BYTES} bytes as it is`, async () => {
    const res = await get('/small', 'gzip, deflate, br, zstd')
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(await res.text()).toBe('{"ok":true}')
  })

  it('compresses text (a Markdown export), never bytes of unknown type', async () => {
    expect((await get('/markdown', 'br')).headers.get('content-encoding')).toBe('br')
    const binary = await get('/binary', 'br')
    expect(binary.headers.get('content-encoding')).toBeNull()
    expect((await bytes(binary)).length).toBe(4096)
  })

  it('applies to the API and metrics of createApp, not to health checks', async () => {
    const app = createApp()
    app.get('/api/big', (c) => c.json(LARGE))
    const api = await app.request('/api/big', { headers: { 'accept-encoding': 'br' } })
    expect(api.headers.get('content-encoding')).toBe('br')
    const missing = await app.request(`/api/${'x'.repeat(2000)}`, { headers: { 'accept-encoding': 'br' } })
    expect(missing.status).toBe(404)
    expect(JSON.parse(brotliDecompressSync(await bytes(missing)).toString())).toMatchObject({ error: { code: 'not_found' } })
    const health = await app.request('/healthz', { headers: { 'accept-encoding': 'br' } })
    expect(health.headers.get('content-encoding')).toBeNull()
    expect(await health.json()).toEqual({ ok: true })
  })
})
