// @vitest-environment jsdom
/** useNow: the clock, or the fixed time a past view is shown at. */
import { renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { FixedNowContext, useNow } from '../../../client/hooks/useNow.ts'

describe('useNow', () => {
  it('reads the clock, or the fixed time of the views below a FixedNowContext', () => {
    const before = Date.now()
    expect(renderHook(() => useNow()).result.current).toBeGreaterThanOrEqual(before)
    const at = Date.UTC(2026, 0, 5, 9)
    const wrapper = ({ children }: { children: ReactNode }) => <FixedNowContext.Provider value={at}>{children}</FixedNowContext.Provider>
    expect(renderHook(() => useNow(), { wrapper }).result.current).toBe(at)
  })
})
