/** @module `GET /metrics`: Prometheus text of the server's counters and gauges. */
import { Hono } from 'hono'
import type { Services } from '../services.ts'

export function metrics(services: Services) {
  return new Hono().get('/metrics', (c) => {
    const { rooms, connections } = services.docs.stats()
    services.metrics.set('roundtable_rooms', 'Workspace documents loaded in memory', rooms)
    services.metrics.set('roundtable_connections', 'Open sync connections', connections)
    return c.body(services.metrics.render(), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' })
  })
}
