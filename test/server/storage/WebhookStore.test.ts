import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_DELIVERIES, WEBHOOKS_FILE, WebhookStore } from '../../../server/storage/WebhookStore.ts'
import type { StoredHook } from '../../../server/storage/WebhookStore.ts'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'roundtable-webhook-store-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const hook = (id: string, workspaceId = 'w1'): StoredHook => ({ id, workspaceId, url: `https://hooks.example.com/${id}`, events: ['check-in'], slack: false, secret: `whsec_${id}`, createdAt: 1, origin: 'http://127.0.0.1:8080' })

describe('WebhookStore', () => {
  it('keeps hooks, their newest 100 deliveries and the stalls last seen across a restart, in DATA_DIR/webhooks.json', async () => {
    const store = await WebhookStore.open(dir)
    await store.add(hook('h1'))
    await store.add(hook('h2', 'w2'))
    for (let i = 0; i < MAX_DELIVERIES + 5; i++) store.record('h1', { eventId: `e${i}`, event: 'check-in', status: 'delivered', at: i, attempt: 1, responseCode: 200, error: '' })
    store.setStalls('w1', ['kr1'])
    await store.close()
    expect(JSON.parse(await readFile(join(dir, WEBHOOKS_FILE), 'utf8')).version).toBe(1)

    const again = await WebhookStore.open(dir)
    expect(again.hooksOf('w1').map((h) => h.id)).toEqual(['h1'])
    expect(again.get('w1', 'h2')).toBeUndefined()
    expect(again.get('w2', 'h2')?.secret).toBe('whsec_h2')
    const log = again.deliveries('h1')
    expect(log).toHaveLength(MAX_DELIVERIES)
    expect([log[0]?.eventId, log.at(-1)?.eventId]).toEqual([`e${MAX_DELIVERIES + 4}`, 'e5'])
    expect(again.stallsOf('w1')).toEqual(['kr1'])
    expect(again.stallsOf('w2')).toBeUndefined()
    expect(again.wants('w1', ['check-in'])).toBe(true)
    expect(again.wants('w1', ['mention'])).toBe(false)

    expect(await again.update('w2', 'h1', { slack: true })).toBeUndefined()
    expect((await again.update('w1', 'h1', { events: ['mention'] }))?.events).toEqual(['mention'])
    expect(await again.remove('w1', 'h1')).toBe(true)
    expect(again.deliveries('h1')).toEqual([])
    expect([...again.workspaces()]).toEqual(['w2'])
    await again.close()
    expect((await WebhookStore.open(dir)).hooksOf('w1')).toEqual([])
  })
})
