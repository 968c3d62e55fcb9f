// @vitest-environment jsdom
/** Export from the Share dialog: the REST export with this browser's token as a bearer, saved as a file. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { rememberWorkspace } from '../../../client/app/index.ts'
import { ShareDialog } from '../../../client/features/share/ShareDialog.tsx'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('export from the Share dialog', () => {
  it('downloads JSON, Markdown and CSV with the token as a bearer', async () => {
    const { workspace } = renderWithWorkspace(<ShareDialog onClose={() => {}} />, { role: 'viewer' })
    rememberWorkspace({ id: workspace.workspaceId, name: 'Acme', role: 'viewer', token: 'view-token' })
    const fetchMock = vi.fn(async () =>
      new Response('type,id\r\n', {
        headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="ws.csv"' },
      }),
    )
    vi.stubGlobal('fetch', fetchMock)
    const created = vi.fn(() => 'blob:x')
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: () => {} })
    const clicks: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download)
    })

    const section = screen.getByRole('region', { name: 'Export' })
    expect(within(section).getAllByRole('button').map((b) => b.textContent)).toEqual(['JSON', 'Markdown', 'CSV'])
    fireEvent.click(within(section).getByRole('button', { name: 'CSV' }))

    await waitFor(() => expect(clicks).toEqual(['ws.csv']))
    expect(fetchMock).toHaveBeenCalledWith(`/api/workspaces/${workspace.workspaceId}/export?format=csv`, {
      headers: { authorization: 'Bearer view-token' },
    })
    expect(created).toHaveBeenCalledTimes(1)
  })

  it('says so when the server refuses', async () => {
    renderWithWorkspace(<ShareDialog onClose={() => {}} />, { role: 'viewer' })
    vi.stubGlobal('fetch', async () => Response.json({ error: { code: 'unauthorized', message: 'The link is no longer valid' } }, { status: 401 }))
    fireEvent.click(screen.getByRole('button', { name: 'Markdown' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Could not export: The link is no longer valid')
  })
})
