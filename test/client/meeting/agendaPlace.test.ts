import { describe, expect, it } from 'vitest'
import { AgendaItemKind } from '../../../shared/model/index.ts'
import type { AgendaSubject, CycleId, KeyResultId, ObjectiveId, TeamId } from '../../../shared/model/index.ts'
import { agendaPlace, isOwnNavigation, placePath } from '../../../client/features/meeting/agendaPlace.ts'
import { parseView } from '../../../client/app/viewRoute.ts'

const meeting = { cycleId: 'cyc1' as CycleId }
const place = (subject: AgendaSubject) => agendaPlace('ws1', meeting, { subject })

describe('agendaPlace: where following the facilitator takes me', () => {
  it('a key result item opens its panel (the /kr/:krId view link) in the meeting cycle', () => {
    const p = place({ kind: AgendaItemKind.KeyResult, keyResultId: 'kr1' as KeyResultId })
    expect(p).toEqual({ href: '/w/ws1/kr/kr1?cycle=cyc1', objectiveId: null })
    const [path, query] = p!.href.split('?')
    expect(parseView(path!, `?${query}`)).toMatchObject({ view: 'board', keyResultId: 'kr1', cycleId: 'cyc1' })
  })

  it('an objective item opens the OKR tree and names the objective to scroll to', () => {
    expect(place({ kind: AgendaItemKind.Objective, objectiveId: 'o1' as ObjectiveId })).toEqual({ href: '/w/ws1/okrs?cycle=cyc1', objectiveId: 'o1' })
  })

  it('writing hints, unaligned and publish open the OKR tree; a team share filters it to the team', () => {
    for (const kind of [AgendaItemKind.WritingHints, AgendaItemKind.Unaligned, AgendaItemKind.Publish] as const) {
      expect(place({ kind })?.href).toBe('/w/ws1/okrs?cycle=cyc1')
    }
    expect(place({ kind: AgendaItemKind.TeamShare, teamId: 't1' as TeamId })?.href).toBe('/w/ws1/okrs?cycle=cyc1&team=t1')
    expect(place({ kind: AgendaItemKind.TeamShare, teamId: null })?.href).toBe('/w/ws1/okrs?cycle=cyc1')
  })

  it('"what we learned" opens the radar; a custom item leaves everyone where they are', () => {
    expect(place({ kind: AgendaItemKind.Learned })?.href).toBe('/w/ws1/radar?cycle=cyc1')
    expect(place({ kind: AgendaItemKind.Custom })).toBeNull()
  })
})

describe('isOwnNavigation: what stops following', () => {
  it('another place (a card, a key result, a view, Back) is my own navigation', () => {
    expect(isOwnNavigation('/w/ws1/kr/kr1?cycle=cyc1', '/w/ws1/kr/kr2?cycle=cyc1')).toBe(true)
    expect(isOwnNavigation('/w/ws1/kr/kr1?cycle=cyc1', '/w/ws1/board?cycle=cyc1')).toBe(true)
    expect(isOwnNavigation('/w/ws1/okrs?cycle=cyc1', '/w/ws1/task/t9?kr=kr1')).toBe(true)
    // Another view tab with the key result's panel still open.
    expect(isOwnNavigation('/w/ws1/kr/kr1?cycle=cyc1', '/w/ws1/kr/kr1?view=okrs&cycle=cyc1')).toBe(true)
  })

  it('arriving where the follow went, or changing filters there, is not', () => {
    expect(isOwnNavigation('/w/ws1/kr/kr1?cycle=cyc1', '/w/ws1/kr/kr1?cycle=cyc1')).toBe(false)
    expect(isOwnNavigation('/w/ws1/okrs?cycle=cyc1', '/w/ws1/okrs?cycle=cyc1&team=t1')).toBe(false)
    expect(placePath('/w/ws1/okrs/?cycle=c#x')).toBe('/w/ws1/okrs')
    expect(placePath('/w/ws1/kr/k1?cycle=c&view=radar&team=t')).toBe('/w/ws1/kr/k1?view=radar')
  })
})
