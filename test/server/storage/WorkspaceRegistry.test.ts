import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WorkspaceRegistry } from '../../../server/storage/WorkspaceRegistry.ts'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'roundtable-registry-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('WorkspaceRegistry', () => {
  it('keeps workspaces and link versions across a reopen, in a real JSON file', async () => {
    const a = await WorkspaceRegistry.open(dir)
    await a.create('w1', 'Acme', 1)
    await a.create('w2', 'Beta', 2)
    await a.rotate('w1', ['editor', 'viewer'])
    const b = await WorkspaceRegistry.open(dir)
    expect(b.list().map((w) => w.id)).toEqual(['w1', 'w2'])
    expect(b.get('w1')?.linkVersions).toEqual({ owner: 1, editor: 2, viewer: 2 })
    expect(JSON.parse(await readFile(join(dir, 'workspaces.json'), 'utf8')).workspaces.w2.name).toBe('Beta')
  })

  it('does not mistake inherited names for workspaces', async () => {
    const r = await WorkspaceRegistry.open(dir)
    expect(r.get('constructor')).toBeUndefined()
    expect(r.get('__proto__')).toBeUndefined()
  })

  it('serialises concurrent changes', async () => {
    const r = await WorkspaceRegistry.open(dir)
    await Promise.all(Array.from({ length: 20 }, (_, i) => r.create(`w${i}`, `W${i}`, i)))
    expect((await WorkspaceRegistry.open(dir)).list()).toHaveLength(20)
  })
})
