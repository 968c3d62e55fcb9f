// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { HomePage } from '../../../client/features/home/HomePage.tsx'
import { getKnownWorkspace, rememberWorkspace } from '../../../client/app/knownWorkspaces.ts'

const created = {
  id: 'ws-9',
  name: 'Acme',
  links: {
    owner: 'http://localhost:3000/w/ws-9#token=o',
    editor: 'http://localhost:3000/w/ws-9#token=e',
    viewer: 'http://localhost:3000/w/ws-9#token=v',
  },
  tokens: { owner: 'o', editor: 'e', viewer: 'v' },
}

beforeEach(() => localStorage.clear())
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  history.replaceState(null, '', '/')
})

describe('home page', () => {
  it('creates a workspace, shows its three links and opens its board', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(created), { status: 201 }))
    vi.stubGlobal('fetch', fetch)
    render(<HomePage />)
    fireEvent.change(screen.getByRole('textbox', { name: 'Workspace name' }), { target: { value: 'Acme' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create workspace' }))
    expect(await screen.findByRole('heading', { name: 'Acme is ready' })).toBeTruthy()
    expect(JSON.parse((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body as string)).toEqual({ name: 'Acme' })
    for (const role of ['Owner', 'Editor', 'Viewer']) {
      expect(screen.getByRole('textbox', { name: `${role} link` })).toBeTruthy()
      expect(screen.getByRole('button', { name: `Copy ${role.toLowerCase()} link` })).toBeTruthy()
    }
    expect(getKnownWorkspace('ws-9')).toMatchObject({ role: 'owner', token: 'o', links: created.links })
    fireEvent.click(screen.getByRole('button', { name: 'Open board' }))
    expect(location.pathname).toBe('/w/ws-9')
    expect(location.hash).toBe('#token=o')
  })

  it('shows the server refusal next to the field', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'invalid', message: 'name: too long' } }), { status: 400 })))
    render(<HomePage />)
    fireEvent.change(screen.getByRole('textbox', { name: 'Workspace name' }), { target: { value: 'x' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create workspace' }))
    expect((await screen.findByRole('alert')).textContent).toBe('name: too long')
  })

  it('lists the workspaces opened in this browser, with links that carry no token', () => {
    rememberWorkspace({ id: 'ws-1', name: 'Old one', role: 'viewer', token: 'secret', openedAt: 1 })
    rememberWorkspace({ id: 'ws-2', name: 'New one', role: 'editor', token: 'secret2', openedAt: 2 })
    render(<HomePage />)
    const links = screen.getAllByRole('link').filter((a) => a.getAttribute('href')?.startsWith('/w/'))
    expect(links.map((a) => a.textContent)).toEqual([expect.stringContaining('New one'), expect.stringContaining('Old one')])
    expect(links.every((a) => !a.getAttribute('href')!.includes('secret'))).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Forget Old one' }))
    expect(screen.queryByText('Old one')).toBeNull()
  })
})
