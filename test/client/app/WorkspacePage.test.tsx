// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPerson } from '../../../shared/doc/index.ts'
import { App, loadWorkspacePage } from '../../../client/app/App.tsx'
import { startEarly } from '../../../client/app/startEarly.ts'
import { getKnownWorkspace, rememberWorkspace } from '../../../client/app/knownWorkspaces.ts'
import { loadIdentity } from '../../../client/sync/identity.ts'

// No network or IndexedDB in these tests: every connection is an in-memory workspace with Dana in People.
vi.mock('../../../client/sync/connectWorkspace.ts', async () => {
  const { createFakeWorkspace } = await import('../helpers/fakeWorkspace.tsx')
  return {
    connectWorkspace: () =>
      createFakeWorkspace({ seed: (s) => void createPerson(s, { id: 'p-dana', name: 'Dana Lee' }) }).workspace.connection,
  }
})
vi.mock('../../../client/features/board/BoardView.tsx', () => import('../helpers/viewMocks.tsx').then((m) => m.boardModule))
vi.mock('../../../client/features/okr/OkrTreeView.tsx', () => import('../helpers/viewMocks.tsx').then((m) => m.treeModule))
vi.mock('../../../client/features/stall/RadarView.tsx', () => import('../helpers/viewMocks.tsx').then((m) => m.radarModule))
vi.mock('../../../client/features/krpanel/KeyResultPanel.tsx', () => import('../helpers/viewMocks.tsx').then((m) => m.panelModule))

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const refused = (status: number) => json(status, { error: { code: 'unauthorized', message: 'Invalid token' } })

function openLink(path: string) {
  history.replaceState(null, '', path)
}

// App loads the workspace page lazily; its first, cold import can outlast findBy's one second on
// a busy machine, so it is done once here and every test starts warm.
beforeAll(() => import('../../../client/app/WorkspacePage.tsx'), 30_000)

beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  openLink('/')
})

describe('workspace page', () => {
  it.each([401, 404])('shows a clear page, not a spinner, when the server answers %i', async (status) => {
    const fetch = vi.fn(async () => refused(status))
    vi.stubGlobal('fetch', fetch)
    openLink('/w/ws-1#token=revoked')
    render(<App />)
    expect(await screen.findByRole('heading', { name: "Can't open this workspace" })).toBeTruthy()
    expect(screen.getByText('This link is invalid or was revoked — ask the workspace owner for a new link.')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Go to Roundtable home' })).toBeTruthy()
    expect(screen.queryByRole('status')).toBeNull()
    // The token travels as a header, never in the request URL (which servers log).
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/workspaces/ws-1')
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer revoked')
    expect(getKnownWorkspace('ws-1')).toBeNull()
  })

  it('says the link is incomplete when it has no token and none is remembered', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    openLink('/w/ws-1')
    render(<App />)
    expect(await screen.findByRole('heading', { name: 'This link is incomplete' })).toBeTruthy()
    expect(fetch).not.toHaveBeenCalled()
  })

  it('offers a retry when the server is unreachable and nothing is cached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    openLink('/w/ws-1#token=t')
    render(<App />)
    expect(await screen.findByRole('heading', { name: "Can't reach Roundtable" })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
  })

  it('checks the link, asks who I am, then opens the shell; the token leaves the address bar', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { id: 'ws-1', name: 'Acme', role: 'editor' })))
    openLink('/w/ws-1#token=editor-token')
    render(<App />)
    expect(await screen.findByRole('dialog', { name: 'Join Acme' })).toBeTruthy()
    expect(location.hash).toBe('')
    expect(getKnownWorkspace('ws-1')).toMatchObject({ name: 'Acme', role: 'editor', token: 'editor-token' })
    fireEvent.click(await screen.findByRole('radio', { name: /Dana Lee/ }))
    fireEvent.click(screen.getByRole('button', { name: 'Join' }))
    expect(await screen.findByRole('tablist', { name: 'Views' })).toBeTruthy()
    expect(screen.getByText('Board view')).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Acme' })).toBeTruthy()
    expect(screen.queryByText(/You are viewing/)).toBeNull()
    expect(loadIdentity('ws-1')).toMatchObject({ name: 'Dana Lee', personId: 'p-dana' })
  })

  it('uses the check started with the page (startEarly): one request; a retry asks again', async () => {
    const fetch = vi.fn(async (url: string) => (url === '/api/workspaces/ws-1' ? Promise.reject(new TypeError('Failed to fetch')) : json(404, {})))
    vi.stubGlobal('fetch', fetch)
    openLink('/w/ws-1#token=early-token')
    startEarly(loadWorkspacePage)
    expect(fetch).toHaveBeenCalledTimes(1)
    render(<App />)
    expect(await screen.findByRole('heading', { name: "Can't reach Roundtable" })).toBeTruthy()
    expect(fetch).toHaveBeenCalledTimes(1)
    fetch.mockImplementation(async () => json(200, { id: 'ws-1', name: 'Acme', role: 'editor' }))
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('dialog', { name: 'Join Acme' })).toBeTruthy()
    expect(fetch).toHaveBeenCalledTimes(2)
    const [, init] = fetch.mock.calls[1] as unknown as [string, RequestInit]
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer early-token')
  })

  it('opens the view a link names, the token leaving the address but not the path, and Back goes to the view before', async () => {
    rememberWorkspace({ id: 'ws-1', name: 'Acme', role: 'owner', token: 'owner-token' })
    localStorage.setItem('roundtable:identity:ws-1', JSON.stringify({ name: 'Olga', color: '#0090ff', personId: null }))
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { id: 'ws-1', name: 'Acme', role: 'owner' })))
    openLink('/w/ws-1/okrs')
    openLink('/w/ws-1/kr/kr-7?view=okrs&level=team#token=owner-token')
    render(<App />)
    expect(await screen.findByText('OKR tree view')).toBeTruthy()
    expect((await screen.findByRole('complementary', { name: 'Key result' })).textContent).toBe('kr-7')
    expect(screen.getByRole('tab', { name: 'OKRs', selected: true })).toBeTruthy()
    expect(screen.getByRole('combobox', { name: 'Level' })).toHaveProperty('value', 'team')
    expect(location.pathname + location.search + location.hash).toBe('/w/ws-1/kr/kr-7?view=okrs&level=team')
    // A tab is a step in the history; Back returns to the key result.
    fireEvent.click(screen.getByRole('tab', { name: 'Board' }))
    expect(await screen.findByText('Board view')).toBeTruthy()
    expect(location.pathname + location.search).toBe('/w/ws-1/kr/kr-7?level=team')
    await new Promise<void>((resolve) => {
      window.addEventListener('popstate', () => resolve(), { once: true })
      history.back()
    })
    expect(await screen.findByText('OKR tree view')).toBeTruthy()
  })

  it('opens offline from the cache when the server does not answer, read-only for a viewer', async () => {
    rememberWorkspace({ id: 'ws-1', name: 'Acme', role: 'viewer', token: 'viewer-token' })
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    openLink('/w/ws-1')
    render(<App />)
    fireEvent.change(await screen.findByRole('textbox', { name: 'Your name' }), { target: { value: 'Vera' } })
    fireEvent.click(screen.getByRole('button', { name: 'Join' }))
    expect(await screen.findByText('You are viewing. Ask for an editor link to make changes.')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull()
  })

  it('reopens with the remembered token and identity, without asking again', async () => {
    rememberWorkspace({ id: 'ws-1', name: 'Acme', role: 'owner', token: 'owner-token' })
    localStorage.setItem('roundtable:identity:ws-1', JSON.stringify({ name: 'Olga', color: '#0090ff', personId: null }))
    const fetch = vi.fn(async () => json(200, { id: 'ws-1', name: 'Acme', role: 'owner' }))
    vi.stubGlobal('fetch', fetch)
    openLink('/w/ws-1')
    render(<App />)
    expect(await screen.findByRole('button', { name: 'New cycle' })).toBeTruthy()
    expect(screen.queryByRole('dialog', { name: 'Join Acme' })).toBeNull()
    expect((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers).toEqual({ authorization: 'Bearer owner-token' })
    await waitFor(() => expect(screen.getByRole('group', { name: /here/ })).toBeTruthy())
  })
})
