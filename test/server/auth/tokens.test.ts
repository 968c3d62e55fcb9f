import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSecret } from '../../../server/auth/secret.ts'
import { signToken, verifyToken } from '../../../server/auth/tokens.ts'

const SECRET = 'a-secret-that-is-long-enough'

describe('capability tokens', () => {
  it('round-trips the claims', () => {
    const token = signToken(SECRET, { workspaceId: 'w1', role: 'editor', version: 3 })
    expect(verifyToken(SECRET, token)).toEqual({ workspaceId: 'w1', role: 'editor', version: 3 })
  })

  it('refuses tampered, foreign and malformed tokens', () => {
    const token = signToken(SECRET, { workspaceId: 'w1', role: 'viewer', version: 1 })
    const [payload, mac] = token.split('.') as [string, string]
    const promoted = Buffer.from(JSON.stringify({ w: 'w1', r: 'owner', v: 1 })).toString('base64url')
    for (const bad of [
      `${promoted}.${mac}`,
      `${payload}.${mac.slice(0, -2)}`,
      signToken('another-secret-entirely', { workspaceId: 'w1', role: 'viewer', version: 1 }),
      '',
      '.',
      'x'.repeat(10_000),
      undefined,
      null,
    ]) {
      expect(verifyToken(SECRET, bad)).toBeNull()
    }
  })
})

describe('secret', () => {
  it('is generated once with mode 0600, and the configured one wins', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'roundtable-secret-'))
    try {
      const first = await loadSecret(dir, undefined)
      expect(first.length).toBeGreaterThanOrEqual(32)
      expect(await loadSecret(dir, undefined)).toBe(first)
      expect((await stat(join(dir, 'secret'))).mode & 0o777).toBe(0o600)
      expect(await loadSecret(dir, 'from-the-environment-1234')).toBe('from-the-environment-1234')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
