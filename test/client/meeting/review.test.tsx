// @vitest-environment jsdom
/**
 * The meeting panel's own part per item (issue 15): "Since last meeting" and a weekly KR's deltas
 * from one fetch per meeting (a fake server), a review's objective score rolled up live and its
 * co-typed notes, KR self and lead scores, praise ("Thank someone", "Take back"), and closing the
 * cycle under "What we learned".
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  bindText,
  createCycle,
  createKeyResult,
  createObjective,
  createPerson,
  editText,
  meetingState,
  openSession,
  publishCycle,
  scoreKeyResult,
  snapshot,
  thankSomeone,
} from '../../../shared/doc/index.ts'
import { goToAgendaItem, startMeeting } from '../../../shared/doc/meetings.ts'
import { AgendaItemKind, CycleStatus } from '../../../shared/model/index.ts'
import type { AgendaSubject, CheckInId, CycleId, KeyResultId, MeetingKind, ObjectiveId, PersonId } from '../../../shared/model/index.ts'
import type { Role } from '../../../shared/protocol/index.ts'
import type { ChangesSince } from '../../../client/app/index.ts'
import { MeetingPanel } from '../../../client/features/meeting/MeetingPanel.tsx'
import { useMeeting } from '../../../client/hooks/useMeeting.ts'
import { WorkspaceProviders, createFakeWorkspace } from '../helpers/fakeWorkspace.tsx'
import { NO_CHANGES, T0, changes, checkInOf, delta, fakeFetch } from '../minutes/fixtures.ts'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  localStorage.clear()
})

const MAYA = 'p-maya' as PersonId
const BEN = 'p-ben' as PersonId
const CYCLE = 'c-q4' as CycleId
const GROW = 'o-grow' as ObjectiveId
const ACTIVATION = 'kr-activation' as KeyResultId
const NPS = 'kr-nps' as KeyResultId
const CHANGES = '/api/workspaces/ws-test/changes'

/** The live panel, reading the meeting from the document as the meeting room does. */
function Live() {
  const { meeting } = useMeeting()
  if (meeting === null) return null
  return <MeetingPanel meeting={meeting} people={[]} facilitating={meeting.facilitatorId === MAYA} facilitatorName="Maya" />
}

/**
 * A published cycle with one objective and two KRs (60/40; Maya owns the first, Ben the second);
 * Maya starts a `kind` meeting. I am Maya (the owner) unless `me` says otherwise.
 */
function setup(kind: MeetingKind, { role = 'owner', me = MAYA }: { role?: Role; me?: PersonId } = {}) {
  const fake = createFakeWorkspace({
    role,
    identity: { name: me === MAYA ? 'Maya' : 'Ben', personId: me },
    seed: (s) => {
      createPerson(s, { id: MAYA, name: 'Maya' })
      createPerson(s, { id: BEN, name: 'Ben' })
      createPerson(s, { id: 'p-cleo' as PersonId, name: 'Cleo' })
      createCycle(s, { id: CYCLE, name: 'Q4', startDate: '2026-10-01', endDate: '2026-12-31' })
      createObjective(s, { id: GROW, cycleId: CYCLE, title: 'Grow the product' })
      createKeyResult(s, { id: ACTIVATION, objectiveId: GROW, title: 'Activation rate', start: 0, target: 100, weight: 60, ownerId: MAYA })
      createKeyResult(s, { id: NPS, objectiveId: GROW, title: 'Net promoter score', start: 0, target: 100, weight: 40, ownerId: BEN })
      publishCycle(s, CYCLE)
    },
  })
  const maya = me === MAYA ? fake.session : openSession(fake.doc, { actor: MAYA })
  const ben = me === BEN ? fake.session : openSession(fake.doc, { actor: BEN })
  startMeeting(maya, { kind, cycleId: CYCLE })
  render(
    <WorkspaceProviders workspace={fake.workspace}>
      <Live />
    </WorkspaceProviders>,
  )
  /** The facilitator moves to the first agenda item `match` picks. */
  const goTo = (match: (subject: AgendaSubject) => boolean) => {
    const item = meetingState(fake.doc).meeting?.agenda.find((i) => match(i.subject))
    if (item === undefined) throw new Error('no such agenda item')
    act(() => goToAgendaItem(maya, item.id))
  }
  return { ...fake, maya, ben, goTo }
}

const panel = () => screen.getByRole('complementary')
const region = (name: string) => within(panel()).getByRole('region', { name })

function answer(summary = { ...NO_CHANGES, keyResultsMoved: 1, checkIns: 1, tasksDone: 2 }): ChangesSince {
  return {
    since: new Date(T0).toISOString(),
    from: new Date(T0).toISOString(),
    checkpoint: 'cp-1',
    to: new Date(T0 + 3_600_000).toISOString(),
    changes: changes({
      summary,
      keyResults: [delta({ id: ACTIVATION, title: 'Activation rate' })],
      checkIns: [checkInOf({ id: 'ci-9' as CheckInId, keyResultId: ACTIVATION, note: 'Two teams onboarded', authorId: BEN })],
    }),
  }
}

describe('since last meeting, in a weekly check-in', () => {
  it('says the counts and lists the changes, then each KR item its own deltas, from one fetch', async () => {
    const fetchMock = fakeFetch({ [CHANGES]: () => Response.json(answer()) })
    vi.stubGlobal('fetch', fetchMock)
    const { goTo } = setup('weekly')
    const since = await within(panel()).findByText('1 KR moved, 1 check-in, 2 tasks done')
    expect(since.closest('section')?.getAttribute('aria-label')).toBe('What changed since the last meeting')
    expect(within(region('What changed since the last meeting')).getByRole('region', { name: 'Key results moved' }).textContent).toContain('Activation rate progress 30%')
    expect(within(region('What changed since the last meeting')).getByRole('region', { name: 'Check-ins' }).textContent).toContain('Two teams onboarded')

    goTo((s) => s.kind === AgendaItemKind.KeyResult && s.keyResultId === ACTIVATION)
    const own = region('This key result since the last meeting')
    expect(own.querySelector('ul')?.textContent).toMatch(/^Progress 30% →\s+to 45%, confidence 6 →\s+to 7/)
    expect(own.textContent).toContain('Two teams onboarded')
    expect(own.textContent).toContain('Ben')

    goTo((s) => s.kind === AgendaItemKind.KeyResult && s.keyResultId === NPS)
    expect(region('This key result since the last meeting').textContent).toContain('No change to this key result since the last meeting.')
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(fetchMock.mock.calls[0]![0]).toBe(`${CHANGES}?since=last-meeting`)
  })

  it('says when this is the first meeting (no checkpoint) and when nothing changed', async () => {
    vi.stubGlobal('fetch', fakeFetch({ [CHANGES]: () => Response.json({ error: { code: 'no_checkpoint', message: 'none' } }, { status: 404 }) }))
    setup('weekly')
    await within(panel()).findByText('This is the first meeting: nothing to compare yet.')
    cleanup()

    vi.stubGlobal('fetch', fakeFetch({ [CHANGES]: () => Response.json(answer(NO_CHANGES)) }))
    setup('weekly')
    await within(panel()).findByText('Nothing has changed since the last meeting.')
  })
})

describe('a review meeting', () => {
  it('rolls the objective score up from its KRs by weight, coloured by band, live', async () => {
    vi.stubGlobal('fetch', fakeFetch({}))
    const { goTo, ben } = setup('review')
    goTo((s) => s.kind === AgendaItemKind.Objective)
    const score = region('Objective score')
    // Nobody scored and nothing checked in: progress stands in, 0.00.
    expect(score.querySelector('.meeting-review__score .score')?.className).toBe('score score--reconsider')
    act(() => scoreKeyResult(ben, { keyResultId: ACTIVATION, leadScore: 0.7 }))
    act(() => scoreKeyResult(ben, { keyResultId: NPS, selfScore: 0.6 }))
    // 0.6 x 0.7 + 0.4 x 0.6 = 0.66: the stretch zone.
    const badge = region('Objective score').querySelector('.meeting-review__score .score')!
    expect(badge.className).toBe('score score--stretch')
    expect(badge.querySelector('.score__value')?.textContent).toBe('0.66')
    expect([...region('Objective score').querySelectorAll('.meeting-review__kr')].map((li) => li.textContent)).toEqual([
      'Activation rate60% · lead score0.70 Stretch',
      'Net promoter score40% · self score0.60 Stretch',
    ])
  })

  it('co-types "What went well" and "What to change" into the objective', () => {
    vi.stubGlobal('fetch', fakeFetch({}))
    const { goTo, ben, doc } = setup('review')
    goTo((s) => s.kind === AgendaItemKind.Objective)
    const well = within(panel()).getByRole('textbox', { name: 'What went well' }) as HTMLTextAreaElement
    well.focus()
    well.value = 'Onboarding'
    well.setSelectionRange(10, 10)
    act(() => {
      well.dispatchEvent(new Event('input', { bubbles: true }))
    })
    expect(snapshot(doc).objectives.get(GROW)?.wentWell).toBe('Onboarding')
    // Ben types at the end at the same time: both edits stand, and my field shows his at once.
    act(() => editText(ben, { record: 'objective', id: GROW, key: 'wentWell' }, { index: 10, remove: 0, insert: ' pairing' }))
    expect(well.value).toBe('Onboarding pairing')
    act(() => editText(ben, { record: 'objective', id: GROW, key: 'toChange' }, { index: 0, remove: 0, insert: 'Score earlier' }))
    expect((within(panel()).getByRole('textbox', { name: 'What to change' }) as HTMLTextAreaElement).value).toBe('Score earlier')
    expect(bindText(ben, { record: 'objective', id: GROW, key: 'wentWell' }).read()).toBe('Onboarding pairing')
  })

  it('lets the facilitator set the lead score and the KR owner the self score, with the band as typed', () => {
    vi.stubGlobal('fetch', fakeFetch({}))
    const { goTo, doc } = setup('review')
    goTo((s) => s.kind === AgendaItemKind.KeyResult && s.keyResultId === NPS)
    const scoring = region('Key result score')
    // Maya facilitates but does not own this KR: the lead score is hers to set, the self score Ben's.
    expect(within(scoring).queryByRole('form', { name: 'Self score' })).toBeNull()
    expect(scoring.textContent).toContain('not given')
    const lead = within(scoring).getByRole('form', { name: 'Lead score' })
    const input = within(lead).getByRole('textbox')
    fireEvent.change(input, { target: { value: '1.5' } })
    expect(lead.textContent).toContain('A score is a number from 0 to 1')
    expect((within(lead).getByRole('button', { name: 'Set' }) as HTMLButtonElement).disabled).toBe(true)
    fireEvent.change(input, { target: { value: '0,65' } })
    expect(lead.querySelector('.score')?.className).toBe('score score--stretch')
    fireEvent.click(within(lead).getByRole('button', { name: 'Set' }))
    expect(snapshot(doc).scores.get(NPS)?.leadScore).toBe(0.65)
    expect(region('Key result score').querySelector('.meeting-review__score')?.textContent).toContain("0.65 Stretch the lead's score")

    // On her own KR Maya sets the self score as well.
    goTo((s) => s.kind === AgendaItemKind.KeyResult && s.keyResultId === ACTIVATION)
    const self = within(region('Key result score')).getByRole('form', { name: 'Self score' })
    fireEvent.change(within(self).getByRole('textbox'), { target: { value: '0.3' } })
    fireEvent.click(within(self).getByRole('button', { name: 'Set' }))
    expect(snapshot(doc).scores.get(ACTIVATION)).toMatchObject({ selfScore: 0.3, leadScore: null })
    expect(region('Key result score').querySelector('.meeting-review__score .score')?.className).toBe('score score--reconsider')
  })

  it('thanks someone (not me) on any item, lists the meeting’s praise, and takes back only mine', () => {
    vi.stubGlobal('fetch', fakeFetch({}))
    const { goTo, ben, doc } = setup('review')
    goTo((s) => s.kind === AgendaItemKind.KeyResult)
    const praise = region('Praise')
    const who = within(praise).getByRole('combobox', { name: 'Person to thank' })
    expect([...who.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Thank someone…', 'Ben', 'Cleo'])
    fireEvent.change(who, { target: { value: BEN } })
    fireEvent.change(within(praise).getByRole('textbox', { name: 'What for' }), { target: { value: 'Ran the numbers' } })
    fireEvent.click(within(praise).getByRole('button', { name: 'Thank' }))
    act(() => {
      thankSomeone(ben, { toPersonId: MAYA, text: 'Kept us on time' })
    })
    const meetingId = meetingState(doc).meeting!.id
    expect([...snapshot(doc).praise.values()].every((p) => p.meetingId === meetingId)).toBe(true)
    expect(within(region('Praise')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Maya thanked Ben: Ran the numbersTake back',
      'Ben thanked Maya: Kept us on time',
    ])
    fireEvent.click(within(region('Praise')).getByRole('button', { name: 'Take back praise for Ben' }))
    expect([...snapshot(doc).praise.values()].map((p) => p.text)).toEqual(['Kept us on time'])

    // "What we learned" lists it too.
    goTo((s) => s.kind === AgendaItemKind.Learned)
    expect(within(region('Praise')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Ben thanked Maya: Kept us on time'])
  })

  it('offers the owner "Close cycle" under "What we learned", confirmed first; others read that the owner closes it', async () => {
    vi.stubGlobal('fetch', fakeFetch({}))
    const { goTo, doc } = setup('review')
    goTo((s) => s.kind === AgendaItemKind.Learned)
    fireEvent.click(within(region('Close the cycle')).getByRole('button', { name: 'Close cycle' }))
    const dialog = await screen.findByRole('dialog', { name: 'Close Q4?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close cycle' }))
    await waitFor(() => expect(snapshot(doc).cycles.get(CYCLE)?.status).toBe(CycleStatus.Closed))
    expect(region('Close the cycle').textContent).toContain('Q4 is closed')
    cleanup()

    const editor = setup('review', { role: 'editor', me: BEN })
    editor.goTo((s) => s.kind === AgendaItemKind.Learned)
    expect(region('Close the cycle').textContent).toBe('Close the cycleThe owner closes the cycle.')
    expect(within(region('Close the cycle')).queryByRole('button')).toBeNull()
  })
})
