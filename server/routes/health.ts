/** @module Liveness probe: `GET /healthz` -> 200 `{"ok":true}`. */
import { Hono } from 'hono'

export const health = new Hono().get('/healthz', (c) => {
  c.header('Cache-Control', 'no-store')
  return c.json({ ok: true })
})
