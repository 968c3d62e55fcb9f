import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app.ts'
import { BUILD_STAMP, precompress } from '../../../server/clientBundle.ts'

/** A built client as the build leaves it: text files with their .br and .gz copies, and a stamp. */
const dir = mkdtempSync(join(tmpdir(), 'roundtable-client-'))
const INDEX = `<!doctype html><title>Roundtable</title>\n${'<link rel="modulepreload" href="/assets/app-abc123.js">\n'.repeat(40)}`
const SCRIPT = `export const board = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ id: i, title: `Card ${i}` })))}\n`
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
const app = createApp({ clientDir: dir })

const CHROME = 'gzip, deflate, br, zstd'
const get = (path: string, acceptEncoding?: string, headers: Record<string, string> = {}) =>
  app.request(path, { headers: { ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }), ...headers } })
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer())

beforeAll(async () => {
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), INDEX)
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), SCRIPT)
  writeFileSync(join(dir, 'assets', 'logo-abc123.png'), PNG)
  await precompress(dir)
  writeFileSync(join(dir, BUILD_STAMP), '{"mode":"production","production":true,"inputs":"sha256:0"}\n')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('client files', () => {
  it('serves index.html at /', async () => {
    const res = await get('/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(await res.text()).toContain('<title>Roundtable</title>')
  })

  it('serves hashed assets as immutable', async () => {
    const res = await get('/assets/app-abc123.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  it('falls back to index.html for every page path: each view of a workspace reloads as itself', async () => {
    const views = ['/w/demo', '/w/demo/board', '/w/demo/okrs', '/w/demo/radar', '/w/demo/kr/kr-1', '/w/demo/task/Tk_9?kr=kr-1', '/w/demo/board?team=t-1&owner=p-2&level=team&cycle=q3']
    for (const path of views) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('cache-control'), path).toBe('no-cache')
      expect(await res.text(), path).toContain('<title>Roundtable</title>')
    }
  })

  it('keeps JSON 404s for API paths, missing files and the build stamp', async () => {
    for (const path of ['/api/workspaces/nope', '/sync', '/assets/missing.js', `/${BUILD_STAMP}`]) {
      const res = await get(path, CHROME)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('cache-control'), path).toBeNull()
      expect(res.headers.get('content-encoding'), path).toBeNull()
      expect(await res.json(), path).toMatchObject({ error: { code: 'not_found' } })
    }
  })

  it('still answers /healthz', async () => {
    expect(await (await get('/healthz')).json()).toEqual({ ok: true })
  })
})

describe('client files, compressed at build time', () => {
  it('sends the brotli copy to a browser that accepts it, gzip to one that takes only gzip', async () => {
    const br = await get('/assets/app-abc123.js', CHROME)
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('content-type')).toMatch(/^text\/javascript/)
    const sent = await bytes(br)
    expect(Number(br.headers.get('content-length'))).toBe(sent.length)
    expect(sent.length).toBeLessThan(SCRIPT.length / 4)
    expect(brotliDecompressSync(sent).toString()).toBe(SCRIPT)

    const gz = await get('/assets/app-abc123.js', 'gzip, deflate')
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(await bytes(gz)).toString()).toBe(SCRIPT)
  })

  it('sends the file itself to a client that accepts no encoding, or refuses brotli with q=0', async () => {
    const plain = await get('/assets/app-abc123.js')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect((await bytes(plain)).toString()).toBe(SCRIPT)

    const identity = await get('/assets/app-abc123.js', 'identity')
    expect(identity.headers.get('content-encoding')).toBeNull()
    expect((await bytes(identity)).toString()).toBe(SCRIPT)

    const refused = await get('/assets/app-abc123.js', 'br;q=0, gzip')
    expect(refused.headers.get('content-encoding')).toBe('gzip')
  })

  it('compresses the page at / and at every page path', async () => {
    for (const path of ['/', '/w/demo/board']) {
      const res = await get(path, CHROME)
      expect(res.headers.get('content-encoding'), path).toBe('br')
      expect(brotliDecompressSync(await bytes(res)).toString(), path).toBe(INDEX)
    }
  })

  it('varies every file on Accept-Encoding, compressed or not, exactly once', async () => {
    for (const path of ['/', '/w/demo/board', '/assets/app-abc123.js', '/assets/logo-abc123.png']) {
      for (const encoding of [CHROME, 'gzip', undefined]) {
        const res = await get(path, encoding)
        expect(res.status, `${path} ${encoding}`).toBe(200)
        expect(res.headers.get('vary'), `${path} ${encoding}`).toBe('Accept-Encoding')
      }
    }
  })

  it('leaves files that are compressed already (images) as they are', async () => {
    const res = await get('/assets/logo-abc123.png', CHROME)
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(res.headers.get('cache-control')).toContain('immutable')
    expect(await bytes(res)).toEqual(PNG)
  })
})

describe('revalidating the page', () => {
  it('answers a request for the page it already has with 304, keeping its caching headers', async () => {
    const first = await get('/w/demo/board', CHROME)
    const tag = first.headers.get('etag')
    expect(tag).toMatch(/^"[^"]+"$/)

    const again = await get('/w/demo/board', CHROME, { 'if-none-match': tag! })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(tag)
    expect(again.headers.get('cache-control')).toBe('no-cache')
    expect(again.headers.get('vary')).toBe('Accept-Encoding')
    expect(again.headers.get('content-encoding')).toBeNull()
  })

  it('tags each encoding of the page differently, and sends a new build in full', async () => {
    const br = (await get('/', CHROME)).headers.get('etag')
    const gzip = (await get('/', 'gzip')).headers.get('etag')
    const plain = (await get('/', undefined)).headers.get('etag')
    expect(new Set([br, gzip, plain]).size).toBe(3)

    const stale = await get('/', CHROME, { 'if-none-match': '"from-an-older-build"' })
    expect(stale.status).toBe(200)
    expect(brotliDecompressSync(await bytes(stale)).toString()).toBe(INDEX)
  })

  it('sends no ETag for hashed assets: browsers never revalidate them', async () => {
    expect((await get('/assets/app-abc123.js', CHROME)).headers.get('etag')).toBeNull()
  })
})
