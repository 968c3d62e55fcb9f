import { HTTPException } from 'hono/http-exception'
import { describe, expect, it, vi } from 'vitest'
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
