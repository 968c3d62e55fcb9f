import { describe, expect, it } from 'vitest'
import { newHookSecret, signBody, verifySignature } from '../../../server/webhooks/signature.ts'

describe('webhook signatures', () => {
  it('are HMAC-SHA256 of the raw body in hex, prefixed sha256= (RFC 4231 test case 2)', () => {
    expect(signBody('Jefe', 'what do ya want for nothing?')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')
  })

  it('verify only the exact body with the exact secret', () => {
    const secret = newHookSecret()
    const body = JSON.stringify({ event: 'check-in', text: 'Check-in on "Signups": 42 at 7/10' })
    const signature = signBody(secret, body)
    expect(verifySignature(secret, body, signature)).toBe(true)
    expect(verifySignature(secret, `${body} `, signature)).toBe(false)
    expect(verifySignature(newHookSecret(), body, signature)).toBe(false)
    expect(verifySignature(secret, body, undefined)).toBe(false)
    expect(verifySignature(secret, body, 'sha256=00')).toBe(false)
  })

  it('secrets are new each time, 32 random bytes', () => {
    const a = newHookSecret()
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/)
    expect(newHookSecret()).not.toBe(a)
  })
})
