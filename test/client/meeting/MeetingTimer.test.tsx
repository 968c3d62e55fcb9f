// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { AgendaItemKind, MeetingKind, MeetingStatus } from '../../../shared/model/index.ts'
import type { AgendaItem, AgendaItemId, CycleId, Meeting, MeetingId, PersonId } from '../../../shared/model/index.ts'
import type { CommandRunner } from '../../../client/app/useCommand.ts'
import { MeetingTimer } from '../../../client/features/meeting/MeetingTimer.tsx'
import { countdownLabel, countdownText } from '../../../client/format/meetingText.ts'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'

afterEach(cleanup)

const NOW = 1_000_000_000
const item: AgendaItem = {
  id: 'i1' as AgendaItemId,
  subject: { kind: AgendaItemKind.Custom },
  title: 'Item',
  note: '',
  rank: 'a0',
  timeboxMs: 180_000,
  spentMs: 0,
  skipped: false,
  decision: '',
  actionTaskIds: [],
}
const meeting = (elapsedMs: number, running = true): Meeting => ({
  id: 'm1' as MeetingId,
  kind: MeetingKind.Weekly,
  cycleId: 'c1' as CycleId,
  status: MeetingStatus.Running,
  facilitatorId: 'p1' as PersonId,
  startedBy: 'p1' as PersonId,
  startedAt: 0,
  attendeeIds: [],
  endedAt: null,
  agenda: [item],
  currentItemId: item.id,
  timer: running ? { itemId: item.id, runningSince: NOW - elapsedMs, elapsedMs: 0 } : { itemId: item.id, runningSince: null, elapsedMs },
})
const command: CommandRunner = { error: null, run: () => true, clearError: () => undefined }

describe('the meeting timer (server clock)', () => {
  it.each([
    [19_000, '2:41', 'Time left 2:41', 'normal'],
    [170_000, '0:10', 'Time left 0:10', 'warning'],
    [192_400, '+0:12 over', 'Over time by 0:12', 'over'],
  ])('%i ms in: shows %s, says "%s", phase %s', (elapsed, text, label, phase) => {
    renderWithWorkspace(<MeetingTimer meeting={meeting(elapsed)} item={item} facilitating={false} command={command} />, { now: () => NOW })
    const timer = screen.getByRole('timer')
    expect(timer.textContent).toBe(text)
    expect(timer.getAttribute('aria-label')).toBe(label)
    expect(timer.getAttribute('data-phase')).toBe(phase)
    expect(Number(timer.getAttribute('data-remaining-ms'))).toBe(180_000 - elapsed)
  })

  it('paused: says so; the facilitator gets Resume and +1 min', () => {
    renderWithWorkspace(<MeetingTimer meeting={meeting(60_000, false)} item={item} facilitating command={command} />, { now: () => NOW })
    expect(screen.getByRole('timer').getAttribute('aria-label')).toBe('Time left 2:00, paused')
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy()
    expect(screen.getByRole('button', { name: '+1 min' })).toBeTruthy()
  })

  it('counts down like a countdown: a part second left still shows that second', () => {
    expect(countdownText(2_100)).toBe('0:03')
    expect(countdownText(1)).toBe('0:01')
    expect(countdownText(0)).toBe('+0:00 over')
    expect(countdownText(-400)).toBe('+0:00 over')
    expect(countdownText(-61_000)).toBe('+1:01 over')
    expect(countdownLabel(600_000)).toBe('Time left 10:00')
  })
})
