import { describe, expect, it } from 'vitest'
import { CLOSE_REASON, CloseCode } from '../../../shared/protocol/index.ts'

describe('close codes', () => {
  it('match the contract in DESIGN.md', () => {
    expect(CloseCode).toMatchObject({
      BadMessage: 4400,
      Unauthorized: 4401,
      Forbidden: 4403,
      NotFound: 4404,
      TooLarge: 4413,
      TooFast: 4429,
    })
  })

  it('every code has a reason short enough for a close frame', () => {
    for (const code of Object.values(CloseCode)) {
      const reason = CLOSE_REASON[code]
      expect(reason.length).toBeGreaterThan(0)
      expect(new TextEncoder().encode(reason).length).toBeLessThan(123)
    }
  })
})
