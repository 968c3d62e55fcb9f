// @vitest-environment jsdom
/**
 * The board's "Since last meeting" banner over a fake server: only the non-zero counts, the list
 * of changes, a dismiss remembered per checkpoint, quiet before any meeting ended, when nothing
 * changed or offline, and asked again when a meeting ends.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCycle, createPerson, openSession } from '../../../shared/doc/index.ts'
import { endMeeting, startMeeting } from '../../../shared/doc/commands/meetings.ts'
import type { CheckInId, CycleId, KeyResultId, PersonId } from '../../../shared/model/index.ts'
import type { ChangesSince } from '../../../client/app/index.ts'
import { SinceLastMeetingBanner } from '../../../client/features/minutes/index.ts'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'
import { waitFor as waitUntil } from '../../helpers/waitFor.ts'
import { NO_CHANGES, T0, changes, checkInOf, delta, fakeFetch, task } from './fixtures.ts'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  vi.useRealTimers()
  localStorage.clear()
})

const CHANGES = '/api/workspaces/ws-test/changes'

function answer(checkpoint: string, summary = { ...NO_CHANGES, keyResultsMoved: 4, newStalls: 2, tasksDone: 9 }, since = T0): ChangesSince {
  return {
    since: new Date(since).toISOString(),
    from: new Date(since).toISOString(),
    checkpoint,
    to: new Date(since + 3_600_000).toISOString(),
    changes: changes({
      summary,
      keyResults: [delta({ id: 'kr-1' as KeyResultId, title: 'Activation rate' }), delta({ id: 'kr-2' as KeyResultId, title: 'Churn', progressBefore: 0.5, progressAfter: 0.5, confidenceBefore: 5, confidenceAfter: 5, scoreBefore: 0.5, scoreAfter: 0.7 })],
      stallsAppeared: [{ ruleId: 'S1', severity: 'warning', target: { kind: 'keyResult', id: 'kr-1' as KeyResultId }, reason: 'no check-in for 9 days' }],
      tasks: [{ task: task({ id: 't-1' as never, title: 'Write the checklist' }), change: 'changed', from: null, done: true, fields: [] }],
      checkIns: [checkInOf({ id: 'ci-9' as CheckInId, keyResultId: 'kr-1' as KeyResultId, note: 'Survey wave two' })],
    }),
  }
}

const banner = () => screen.queryByRole('region', { name: 'Since last meeting' })

describe('since last meeting', () => {
  it('says only the non-zero counts and lists the changes behind them', async () => {
    const fetchMock = fakeFetch({ [CHANGES]: () => Response.json(answer('cp-1')) })
    vi.stubGlobal('fetch', fetchMock)
    renderWithWorkspace(<SinceLastMeetingBanner />)
    const region = await screen.findByRole('region', { name: 'Since last meeting' })
    expect(region.querySelector('p')?.textContent).toBe('Since last meeting: 4 KRs moved, 2 new stalls, 9 tasks done')
    expect(fetchMock.mock.calls[0]![0]).toBe(`${CHANGES}?since=last-meeting`)

    fireEvent.click(within(region).getByRole('button', { name: 'See changes' }))
    // The dialog loads when first opened (a chunk of its own in the app).
    const dialog = await screen.findByRole('dialog', { name: 'Since last meeting' })
    const sections = within(dialog).getAllByRole('region').map((s) => [s.getAttribute('aria-label'), s.querySelector('ul')?.textContent])
    expect(sections).toEqual([
      ['Key results moved', 'Activation rate progress 30% →  to 45%, confidence 6 →  to 7Churn score 0.50 →  to 0.70'],
      ['New stalls', 'A key result: no check-in for 9 days'],
      ['Tasks done', 'Write the checklist · Unassigned'],
      ['Check-ins', '45, confidence 7/10Survey wave two'],
    ])
    expect(within(dialog).getByRole('link', { name: 'All meetings and their minutes' }).getAttribute('href')).toBe('/w/ws-test/meetings')
  })

  it('stays away once dismissed, until another meeting’s checkpoint', async () => {
    vi.stubGlobal('fetch', fakeFetch({ [CHANGES]: () => Response.json(answer('cp-1')) }))
    const first = renderWithWorkspace(<SinceLastMeetingBanner />)
    fireEvent.click(within(await screen.findByRole('region', { name: 'Since last meeting' })).getByRole('button', { name: 'Dismiss since last meeting' }))
    expect(banner()).toBeNull()
    first.unmount()

    const again = renderWithWorkspace(<SinceLastMeetingBanner />)
    // Wait for the answer to have arrived (the fetch ran) before saying it shows nothing.
    await waitFor(() => expect(vi.mocked(fetch)).toHaveBeenCalledTimes(2))
    await act(async () => {})
    expect(banner()).toBeNull()
    again.unmount()

    vi.stubGlobal('fetch', fakeFetch({ [CHANGES]: () => Response.json(answer('cp-2')) }))
    renderWithWorkspace(<SinceLastMeetingBanner />)
    expect(await screen.findByRole('region', { name: 'Since last meeting' })).toBeTruthy()
  })

  it('comes back, dismissed or not, while a meeting is on its "Since last meeting" item', async () => {
    let ada = '' as PersonId
    let cycleId = '' as CycleId
    vi.stubGlobal('fetch', fakeFetch({ [CHANGES]: () => Response.json(answer('cp-1')) }))
    const { doc } = renderWithWorkspace(<SinceLastMeetingBanner />, {
      seed: (s) => {
        cycleId = createCycle(s, { name: 'Q4', startDate: '2026-10-01', endDate: '2026-12-31' })
        ada = createPerson(s, { name: 'Ada' })
      },
    })
    fireEvent.click(within(await screen.findByRole('region', { name: 'Since last meeting' })).getByRole('button', { name: 'Dismiss since last meeting' }))
    expect(banner()).toBeNull()
    const facilitator = openSession(doc, { actor: ada })
    // A weekly check-in opens with "Since last meeting" (M3).
    act(() => {
      startMeeting(facilitator, { kind: 'weekly', cycleId })
    })
    expect(banner()).not.toBeNull()
    act(() => {
      endMeeting(facilitator)
    })
    expect(banner()).toBeNull()
  })

  it('is quiet before any meeting ended, when nothing changed, and offline', async () => {
    for (const respond of [
      () => Response.json({ error: { code: 'no_checkpoint', message: 'No meeting has ended in this workspace yet' } }, { status: 404 }),
      () => Response.json(answer('cp-1', NO_CHANGES)),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => Response.json({ error: { code: 'internal', message: 'boom' } }, { status: 500 }),
    ]) {
      const fetchMock = vi.fn(async () => respond())
      vi.stubGlobal('fetch', fetchMock)
      const view = renderWithWorkspace(<SinceLastMeetingBanner />)
      await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1))
      await act(async () => {})
      expect(banner()).toBeNull()
      view.unmount()
    }
  })

  it('asks again when a meeting ends, until the answer counts from that meeting’s end', async () => {
    let ada = '' as PersonId
    let cycleId = '' as CycleId
    let endedAt = 0
    const answers: ChangesSince[] = []
    const fetchMock = fakeFetch({
      [CHANGES]: () => {
        // The first answers still count from an older meeting (the new checkpoint is being written).
        const next = answers.length < 2 ? answer('cp-old', NO_CHANGES, T0) : answer('cp-new', { ...NO_CHANGES, checkIns: 1, keyResultsMoved: 1 }, endedAt)
        answers.push(next)
        return Response.json(next)
      },
    })
    vi.stubGlobal('fetch', fetchMock)
    const { doc } = renderWithWorkspace(<SinceLastMeetingBanner />, {
      seed: (s) => {
        cycleId = createCycle(s, { name: 'Q4', startDate: '2026-10-01', endDate: '2026-12-31' })
        ada = createPerson(s, { name: 'Ada' })
      },
    })
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1))
    const facilitator = openSession(doc, { actor: ada })
    act(() => {
      startMeeting(facilitator, { kind: 'weekly', cycleId })
    })
    act(() => {
      endMeeting(facilitator)
    })
    endedAt = Date.now()
    // One stale answer is asked again after a short wait; then the meeting's own answer shows.
    await waitUntil(() => banner() !== null, 'the banner of the meeting that ended', 5_000)
    expect(banner()?.querySelector('p')?.textContent).toBe('Since last meeting: 1 KR moved, 1 check-in')
    expect(answers.map((a) => a.checkpoint)).toEqual(['cp-old', 'cp-old', 'cp-new'])
  })
})
