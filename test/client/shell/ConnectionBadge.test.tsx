// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ConnectionBadge, ConnectionBadgeView } from '../../../client/features/shell/ConnectionBadge.tsx'
import type { ConnectionStatus } from '../../../client/sync/connectionStatus.ts'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'

afterEach(cleanup)

const cases: ReadonlyArray<[ConnectionStatus, string, string]> = [
  [{ status: 'connecting' }, 'Connecting…', 'conn-badge--connecting'],
  [{ status: 'online' }, 'Live', 'conn-badge--online'],
  [{ status: 'offline', since: 0, pending: 0 }, 'Offline', 'conn-badge--offline'],
  [{ status: 'offline', since: 0, pending: 1 }, 'Offline · 1 change waiting to sync', 'conn-badge--offline'],
  [{ status: 'offline', since: 0, pending: 3 }, 'Offline · 3 changes waiting to sync', 'conn-badge--offline'],
  [{ status: 'denied', code: 4401, reason: 'bad token' }, 'Access refused', 'conn-badge--denied'],
]

describe('connection badge', () => {
  it.each(cases)('shows %j as "%s", colour-coded', (status, text, className) => {
    render(<ConnectionBadgeView status={status} />)
    const badge = screen.getByRole('status')
    expect(badge.textContent).toBe(text)
    expect(badge.className).toContain(className)
    // The tooltip explains the state in a sentence.
    expect(badge.getAttribute('title')).toBeTruthy()
  })

  it('follows the connection as it changes', () => {
    const { setStatus } = renderWithWorkspace(<ConnectionBadge />, { status: { status: 'connecting' } })
    expect(screen.getByRole('status').textContent).toBe('Connecting…')
    act(() => setStatus({ status: 'online' }))
    expect(screen.getByRole('status').textContent).toBe('Live')
    act(() => setStatus({ status: 'offline', since: Date.now(), pending: 2 }))
    expect(screen.getByRole('status').textContent).toBe('Offline · 2 changes waiting to sync')
  })
})
