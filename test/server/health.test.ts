import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HTTPException } from 'hono/http-exception'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { createApp } from '../../server/app.ts'
import { ApiError } from '../../server/errors.ts'

describe('GET /healthz', () => {
  it('answers 200 {"ok":true} as JSON', async () => {
    const res = await createApp().request('/healthz')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await res.json()).toEqual({ ok: true })
  })
})

describe('errors', () => {
  it('answers an unknown route with a JSON 404', async () => {
    const res = await createApp().request('/api/nope', { method: 'POST' })
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      error: { code: 'not_found', message: 'No route for POST /api/nope' },
    })
  })

  it('turns an unexpected throw into a 500 JSON error without a stack, logged once', async () => {
    const logError = vi.fn()
    const app = createApp({ logError })
    const boom = new Error('database password is hunter2')
    app.get('/boom', () => {
      throw boom
    })

    const res = await app.request('/boom')
    const text = await res.text()
    expect(res.status).toBe(500)
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Internal server error' } })
    expect(text).not.toContain('hunter2')
    expect(text).not.toMatch(/\bat \S+ \(/)
    expect(logError).toHaveBeenCalledTimes(1)
    expect(logError).toHaveBeenCalledWith(boom)
  })

  it('turns an HTTPException into its status with a code derived from it', async () => {
    const logError = vi.fn()
    const app = createApp({ logError })
    app.get('/private', () => {
      throw new HTTPException(401, { message: 'A token is required' })
    })

    const res = await app.request('/private')
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'A token is required' } })
    expect(logError).not.toHaveBeenCalled()
  })

  it('keeps the code of an ApiError', async () => {
    const app = createApp()
    app.get('/conflict', () => {
      throw new ApiError(409, 'cycle_published', 'Objectives are fixed once the cycle is published')
    })

    const res = await app.request('/conflict')
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual({
      error: { code: 'cycle_published', message: 'Objectives are fixed once the cycle is published' },
    })
  })
})

describe('client files', () => {
  const clientDir = mkdtempSync(join(tmpdir(), 'roundtable-client-'))
  mkdirSync(join(clientDir, 'assets'))
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Roundtable</title>')
  writeFileSync(join(clientDir, 'assets', 'app-abc123.js'), 'console.log(1)')
  const app = createApp({ clientDir })
  afterAll(() => rmSync(clientDir, { recursive: true, force: true }))

  it('serves index.html at /', async () => {
    const res = await app.request('/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(await res.text()).toContain('<title>Roundtable</title>')
  })

  it('serves hashed assets as immutable', async () => {
    const res = await app.request('/assets/app-abc123.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('immutable')
  })

  it('falls back to index.html for an unknown page path', async () => {
    const res = await app.request('/w/demo/board')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<title>Roundtable</title>')
  })

  it('keeps JSON 404s for API paths and missing files', async () => {
    for (const path of ['/api/workspaces/nope', '/sync', '/assets/missing.js']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('cache-control'), path).toBeNull()
      expect(await res.json(), path).toMatchObject({ error: { code: 'not_found' } })
    }
  })

  it('still answers /healthz', async () => {
    expect(await (await app.request('/healthz')).json()).toEqual({ ok: true })
  })
})
