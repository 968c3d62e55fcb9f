// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AgendaItemKind, MeetingKind, MeetingStatus } from '../../../shared/model/index.ts'
import type { AgendaItem, AgendaItemId, CycleId, KeyResultId, Meeting, MeetingId, ObjectiveId, PersonId } from '../../../shared/model/index.ts'
import { navigate } from '../../../client/app/route.ts'
import { participation, setParticipation } from '../../../client/features/meeting/participation.ts'
import { useFollow } from '../../../client/features/meeting/useFollow.ts'
import { WorkspaceProviders, createFakeWorkspace } from '../helpers/fakeWorkspace.tsx'

const item = (id: string, subject: AgendaItem['subject'], title = id): AgendaItem => ({
  id: id as AgendaItemId,
  subject,
  title,
  note: '',
  rank: id,
  timeboxMs: 180_000,
  spentMs: 0,
  skipped: false,
  decision: '',
  actionTaskIds: [],
})

const agenda = [
  item('i1', { kind: AgendaItemKind.KeyResult, keyResultId: 'kr1' as KeyResultId }),
  item('i2', { kind: AgendaItemKind.KeyResult, keyResultId: 'kr2' as KeyResultId }),
  item('i3', { kind: AgendaItemKind.Objective, objectiveId: 'o1' as ObjectiveId }),
  item('i4', { kind: AgendaItemKind.Custom }),
]

const meetingAt = (currentItemId: string): Meeting => ({
  id: 'm1' as MeetingId,
  kind: MeetingKind.Weekly,
  cycleId: 'c1' as CycleId,
  status: MeetingStatus.Running,
  facilitatorId: 'maya' as PersonId,
  startedBy: 'maya' as PersonId,
  startedAt: 0,
  attendeeIds: [],
  endedAt: null,
  agenda,
  currentItemId: currentItemId as AgendaItemId,
  timer: { itemId: currentItemId as AgendaItemId, runningSince: 0, elapsedMs: 0 },
})

function Follow({ meeting, following, leading = false }: { meeting: Meeting; following: boolean; leading?: boolean }) {
  useFollow(meeting, following, leading)
  return null
}

function setup(current: string, following: boolean, leading = false) {
  const { workspace } = createFakeWorkspace()
  const ui = (id: string, on: boolean) => (
    <WorkspaceProviders workspace={workspace}>
      <Follow meeting={meetingAt(id)} following={on} leading={leading} />
    </WorkspaceProviders>
  )
  const view = render(ui(current, following))
  return { rerender: (id: string, on: boolean) => view.rerender(ui(id, on)) }
}

const here = () => location.pathname + location.search

beforeEach(() => {
  history.replaceState(null, '', '/w/ws-test/board')
  setParticipation('ws-test', { meetingId: 'm1', following: true })
})
afterEach(() => {
  cleanup()
  setParticipation('ws-test', null)
})

describe('following the facilitator', () => {
  it('joining takes my screen to the current item, and each new item moves it again', () => {
    const { rerender } = setup('i1', true)
    expect(here()).toBe('/w/ws-test/kr/kr1?cycle=c1')
    rerender('i2', true)
    expect(here()).toBe('/w/ws-test/kr/kr2?cycle=c1')
    rerender('i3', true)
    expect(here()).toBe('/w/ws-test/okrs?cycle=c1')
    // A custom item has no place: everyone stays where they are.
    rerender('i4', true)
    expect(here()).toBe('/w/ws-test/okrs?cycle=c1')
    expect(participation('ws-test')?.following).toBe(true)
  })

  it('a navigation of my own (another view, Back) stops following; the item changing then leaves me alone', () => {
    const { rerender } = setup('i1', true)
    act(() => navigate('/w/ws-test/radar'))
    expect(participation('ws-test')).toEqual({ meetingId: 'm1', following: false })
    rerender('i2', false)
    expect(here()).toBe('/w/ws-test/radar')
  })

  it('Back to the facilitator (following again) jumps to the current item without stopping at once', () => {
    const { rerender } = setup('i1', true)
    act(() => navigate('/w/ws-test/board'))
    expect(participation('ws-test')?.following).toBe(false)
    rerender('i2', false)
    act(() => setParticipation('ws-test', { meetingId: 'm1', following: true }))
    rerender('i2', true)
    expect(here()).toBe('/w/ws-test/kr/kr2?cycle=c1')
    expect(participation('ws-test')?.following).toBe(true)
  })

  it('changing filters where the follow took me is not leaving it', () => {
    setup('i3', true)
    act(() => navigate('/w/ws-test/okrs?cycle=c1&team=t1', { replace: true }))
    expect(participation('ws-test')?.following).toBe(true)
  })

  it('not following, nothing moves; the facilitator (leading) moves with the agenda but is never stopped', () => {
    const quiet = setup('i1', false)
    expect(here()).toBe('/w/ws-test/board')
    quiet.rerender('i2', false)
    expect(here()).toBe('/w/ws-test/board')
    cleanup()
    setParticipation('ws-test', { meetingId: 'm1', following: false })
    const lead = setup('i1', false, true)
    expect(here()).toBe('/w/ws-test/kr/kr1?cycle=c1')
    act(() => navigate('/w/ws-test/radar'))
    lead.rerender('i2', false)
    expect(here()).toBe('/w/ws-test/kr/kr2?cycle=c1')
  })
})
