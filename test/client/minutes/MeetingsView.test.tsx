// @vitest-environment jsdom
/** The Meetings view over a fake server: the list, the empty state, a failure, and one meeting's minutes. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCycle, createPerson } from '../../../shared/doc/index.ts'
import type { KeyResultId, PersonId } from '../../../shared/model/index.ts'
import type { Minutes } from '../../../shared/rules/index.ts'
import { rememberWorkspace } from '../../../client/app/index.ts'
import { MeetingsView } from '../../../client/features/minutes/MeetingsView.tsx'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'
import { MIN, T0, fakeFetch, weeklyMinutes } from './fixtures.ts'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  localStorage.clear()
})

const LIST = '/api/workspaces/ws-test/meetings'

function seed() {
  let cycleId = ''
  let ada = '' as PersonId
  let bob = '' as PersonId
  return {
    ids: () => ({ cycleId, ada, bob }),
    seed: (s: Parameters<typeof createCycle>[0]) => {
      cycleId = createCycle(s, { name: 'Q4 2026', startDate: '2026-10-01', endDate: '2026-12-31' })
      ada = createPerson(s, { name: 'Ada' })
      bob = createPerson(s, { name: 'Bob' })
    },
  }
}

describe('the meetings list', () => {
  it('lists past meetings newest first with kind, cycle, length and attendees, each a link to its minutes', async () => {
    const data = seed()
    const fetchMock = fakeFetch({
      [LIST]: () =>
        Response.json({
          meetings: [
            { id: 'm-2', kind: 'review', cycleId: 'gone', startedAt: new Date(T0 + 86_400_000).toISOString(), endedAt: new Date(T0 + 86_400_000 + 65 * MIN).toISOString(), items: 6, attendees: 1 },
            { id: 'm-1', kind: 'weekly', cycleId: 'CYCLE', startedAt: new Date(T0).toISOString(), endedAt: new Date(T0 + 47 * MIN).toISOString(), items: 4, attendees: 5 },
          ].map((m) => ({ ...m, cycleId: m.cycleId === 'CYCLE' ? data.ids().cycleId : m.cycleId })),
        }),
    })
    vi.stubGlobal('fetch', fetchMock)
    const { workspace } = renderWithWorkspace(<MeetingsView />, { seed: data.seed, view: { view: 'meetings' } })
    rememberWorkspace({ id: workspace.workspaceId, name: 'Acme', role: 'owner', token: 'tok' })

    const list = await screen.findByRole('list', { name: 'Past meetings' })
    const rows = within(list).getAllByRole('listitem')
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['Review A past cycle', 'Weekly check-in Q4 2026'])
    expect(rows[0]!.textContent).toContain('1 h 05 min1 attendee6 items')
    expect(rows[1]!.textContent).toContain('47 min5 attendees4 items')
    expect(within(rows[1]!).getByRole('link').getAttribute('href')).toBe('/w/ws-test/meetings/m-1')
    expect(fetchMock.mock.calls[0]![0]).toBe(LIST)
  })

  it('says what a meeting is and how to start one when none has ended', async () => {
    vi.stubGlobal('fetch', fakeFetch({ [LIST]: () => Response.json({ meetings: [] }) }))
    renderWithWorkspace(<MeetingsView />, { view: { view: 'meetings' } })
    expect(await screen.findByRole('heading', { name: 'No meeting has ended yet' })).toBeTruthy()
    expect(screen.getByText(/choose “Start meeting” in the top bar/)).toBeTruthy()
  })

  it('tells a viewer who can start one', async () => {
    vi.stubGlobal('fetch', fakeFetch({ [LIST]: () => Response.json({ meetings: [] }) }))
    renderWithWorkspace(<MeetingsView />, { role: 'viewer', view: { view: 'meetings' } })
    expect(await screen.findByText(/Someone with an editor link starts one/)).toBeTruthy()
  })

  it('says so when the list cannot be loaded', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    renderWithWorkspace(<MeetingsView />, { view: { view: 'meetings' } })
    expect((await screen.findByRole('alert')).textContent).toContain('Could not load the meetings: Failed to fetch')
  })
})

describe('a meeting’s minutes', () => {
  const MINUTES = '/api/workspaces/ws-test/meetings/m-1/minutes'

  function renderMinutes(edit: (minutes: Minutes) => Minutes = (m) => m) {
    const data = seed()
    const fetchMock = fakeFetch({
      [MINUTES]: () => {
        const { cycleId, ada, bob } = data.ids()
        return Response.json({ minutes: edit(weeklyMinutes({ ada, bob }, cycleId, 'kr-1' as KeyResultId)) })
      },
      [`${MINUTES}.md`]: () => new Response('# Weekly', { headers: { 'content-disposition': 'inline; filename="minutes-m-1.md"' } }),
    })
    vi.stubGlobal('fetch', fetchMock)
    renderWithWorkspace(<MeetingsView />, { seed: data.seed, view: { view: 'meetings', meetingId: 'm-1' as never } })
    return fetchMock
  }

  it('heads them with kind, cycle, when, duration, facilitator, attendees and the summary of changes', async () => {
    renderMinutes()
    const article = await screen.findByRole('article', { name: 'Weekly check-in · Q4 2026' })
    const facts = within(article).getAllByRole('term').map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`)
    expect(facts.slice(1)).toEqual(['Duration: 47 min', 'Facilitator: Ada', 'Attendees (2): Ada, Bob'])
    expect(article.querySelector('dd time')?.getAttribute('datetime')).toBe(new Date(T0).toISOString())
    expect(within(article).getByText('Changes:').parentElement?.textContent).toBe('Changes: 4 KRs moved, 3 check-ins, 2 tasks done')
    expect(within(article).getByRole('link', { name: 'All meetings' }).getAttribute('href')).toBe('/w/ws-test/meetings')
  })

  it('shows each agenda item: time against its timebox, KR changes, check-ins, votes, the decision and actions', async () => {
    renderMinutes()
    const item = await screen.findByRole('region', { name: '1. Activation rate' })
    expect(item.querySelector('.minutes-item__time')?.textContent).toBe('Time 6:10 of 5:00 · 1:10 over')
    // The item is about this KR: its lines do not repeat the title; the arrow is "to" for a screen reader.
    expect(within(item).getByRole('list', { name: 'Key results' }).textContent).toBe('Progress 30% →  to 45%, confidence 6 →  to 7')
    expect(within(item).getByRole('list', { name: 'Check-ins' }).textContent).toBe('Check-in 45, confidence 7/10 · BobTwo teams onboarded')
    expect(within(item).getByRole('list', { name: 'Tasks' }).textContent).toBe('Task Call the pilot teams · done')
    expect(within(item).getByRole('list', { name: 'Votes' }).textContent).toBe('Confidence vote median 6.5, spread 5, 2 votes · Discuss: the room disagreed')
    expect(within(item).getByRole('heading', { name: 'Decision' }).nextElementSibling?.textContent).toBe('Ship the onboarding checklist first')
    const actions = within(item).getByRole('heading', { name: 'Actions' }).nextElementSibling!
    expect(actions.textContent).toBe('Write the checklist · Bob · due Dec 8')
    const praise = screen.getByRole('region', { name: 'Praise' })
    expect(within(praise).getByRole('listitem').textContent).toBe('Ada thanked Bob: for the survey')
  })

  it("shows an objective's review notes, only those written", async () => {
    renderMinutes((m) => ({ ...m, items: [{ ...m.items[0]!, review: { wentWell: 'Weekly demos', toChange: '' } }] }))
    const item = await screen.findByRole('region', { name: '1. Activation rate' })
    expect(within(item).getByRole('heading', { name: 'What went well' }).nextElementSibling?.textContent).toBe('Weekly demos')
    expect(within(item).queryByRole('heading', { name: 'What to change' })).toBeNull()
  })

  it('downloads the Markdown with the token as a bearer, and prints', async () => {
    const fetchMock = renderMinutes()
    rememberWorkspace({ id: 'ws-test', name: 'Acme', role: 'owner', token: 'tok' })
    Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} })
    const saved: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download)
    })
    const print = vi.fn()
    vi.stubGlobal('print', print)
    fireEvent.click(await screen.findByRole('button', { name: 'Download Markdown' }))
    await waitFor(() => expect(saved).toEqual(['minutes-m-1.md']))
    expect(fetchMock).toHaveBeenLastCalledWith('/api/workspaces/ws-test/meetings/m-1/minutes.md', { headers: { authorization: 'Bearer tok' } })
    fireEvent.click(screen.getByRole('button', { name: 'Print' }))
    expect(print).toHaveBeenCalledTimes(1)
  })

  it('says so when the meeting has no minutes', async () => {
    vi.stubGlobal('fetch', fakeFetch({ [MINUTES]: () => Response.json({ error: { code: 'meeting_not_found', message: 'No minutes for that meeting' } }, { status: 404 }) }))
    renderWithWorkspace(<MeetingsView />, { view: { view: 'meetings', meetingId: 'm-1' as never } })
    expect((await screen.findByRole('alert')).textContent).toBe('Could not load these minutes: No minutes for that meeting')
  })
})
