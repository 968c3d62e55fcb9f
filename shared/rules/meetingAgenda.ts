/** @module The agenda a meeting starts with, built from the board (M1-M4). */
import { AgendaItemKind, MeetingKind, ObjectiveLevel, ObjectiveStatus, unreachable } from '../model/index.ts'
import type { AgendaSubject, CycleId, KeyResult, Millis, Objective, TeamId, WorkspaceSnapshot } from '../model/index.ts'
import { bottomUpShare, countsForTeam, objectiveTeam } from './bottomUpShare.ts'
import { writingHints } from './lint.ts'
import { compareStrings } from './math.ts'
import { keyResultsOf } from './objectiveProgress.ts'
import { stallWarnings } from './stalls.ts'
import type { StallWarning } from './stallWarning.ts'

/** One item as the builder proposes it; the meeting gives it an id, a rank and a timebox. */
export interface AgendaDraft {
  readonly subject: AgendaSubject
  readonly title: string
  /** Why it is there (a stalled KR's reasons), or ''. */
  readonly note: string
}

const LEVEL_ORDER: Readonly<Record<ObjectiveLevel, number>> = { company: 0, team: 1, individual: 2 }

/**
 * The opening agenda of a `kind` meeting on `cycleId` at `now`:
 * - M1 draft: each objective, then the writing hints;
 * - M2 align: the writing hints, each team's bottom-up share, the objectives that align to nothing, publish;
 * - M3 weekly: "Since last meeting", then stalled KRs most severe first (with their reasons), then
 *   the other KRs by objective;
 * - M4 review: each objective followed by its KRs, then "What we learned".
 * Objectives come company, team, individual, then oldest first; dropped ones are left out.
 */
export function meetingAgenda(snapshot: WorkspaceSnapshot, kind: MeetingKind, cycleId: CycleId, now: Millis): readonly AgendaDraft[] {
  const objectives = objectivesOf(snapshot, cycleId)
  switch (kind) {
    case MeetingKind.Draft:
      return [...objectives.map(objectiveItem), hintsItem(snapshot, cycleId)]
    case MeetingKind.Align:
      return [hintsItem(snapshot, cycleId), ...teamShareItems(snapshot, cycleId, objectives), unalignedItem(objectives), publishItem()]
    case MeetingKind.Weekly:
      return weeklyItems(snapshot, cycleId, objectives, now)
    case MeetingKind.Review:
      return [
        ...objectives.flatMap((o) => [objectiveItem(o), ...keyResultsOf(snapshot, o.id).map((kr) => keyResultItem(kr, ''))]),
        { subject: { kind: AgendaItemKind.Learned }, title: 'What we learned', note: '' },
      ]
    default:
      return unreachable(kind, 'meeting kind')
  }
}

function objectivesOf(snapshot: WorkspaceSnapshot, cycleId: CycleId): readonly Objective[] {
  return [...snapshot.objectives.values()]
    .filter((o) => o.cycleId === cycleId && o.status !== ObjectiveStatus.Dropped)
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.createdAt - b.createdAt || compareStrings(a.id, b.id))
}

function objectiveItem(o: Objective): AgendaDraft {
  return { subject: { kind: AgendaItemKind.Objective, objectiveId: o.id }, title: o.title, note: '' }
}

function keyResultItem(kr: KeyResult, note: string): AgendaDraft {
  return { subject: { kind: AgendaItemKind.KeyResult, keyResultId: kr.id }, title: kr.title, note }
}

function hintsItem(snapshot: WorkspaceSnapshot, cycleId: CycleId): AgendaDraft {
  const count = writingHints(snapshot, { cycleId }).length
  const note = count === 0 ? 'No hints fire' : count === 1 ? '1 hint fires' : `${count} hints fire`
  return { subject: { kind: AgendaItemKind.WritingHints }, title: 'Writing hints', note }
}

function teamShareItems(snapshot: WorkspaceSnapshot, cycleId: CycleId, objectives: readonly Objective[]): AgendaDraft[] {
  const teams = new Set<TeamId>()
  for (const o of objectives) {
    const team = countsForTeam(o) ? objectiveTeam(snapshot, o) : null
    if (team !== null) teams.add(team)
  }
  return [...teams]
    .map((id) => ({ id, name: snapshot.teams.get(id)?.name ?? 'A team' }))
    .sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id))
    .map(({ id, name }) => {
      const { bottomUp, total } = bottomUpShare(snapshot, id, cycleId)
      return {
        subject: { kind: AgendaItemKind.TeamShare, teamId: id },
        title: `Bottom-up share: ${name}`,
        note: `${bottomUp} of ${total} objectives bottom-up`,
      }
    })
}

function unalignedItem(objectives: readonly Objective[]): AgendaDraft {
  // Company objectives are the top: only the others are expected to align to something.
  const count = objectives.filter((o) => o.level !== ObjectiveLevel.Company && o.alignment === null).length
  return {
    subject: { kind: AgendaItemKind.Unaligned },
    title: 'Objectives with no alignment',
    note: count === 1 ? '1 objective' : `${count} objectives`,
  }
}

function publishItem(): AgendaDraft {
  return { subject: { kind: AgendaItemKind.Publish }, title: 'Publish', note: '' }
}

function weeklyItems(snapshot: WorkspaceSnapshot, cycleId: CycleId, objectives: readonly Objective[], now: Millis): AgendaDraft[] {
  // Warnings come most severe first, so a KR's first warning says where it belongs.
  const reasons = new Map<string, StallWarning[]>()
  for (const warning of stallWarnings(snapshot, now, { cycleId })) {
    const krId = warning.keyResultId ?? (warning.target.kind === 'keyResult' ? warning.target.id : undefined)
    if (krId === undefined) continue
    const list = reasons.get(krId)
    if (list === undefined) reasons.set(krId, [warning])
    else list.push(warning)
  }
  const krs = objectives.flatMap((o) => keyResultsOf(snapshot, o.id))
  const stalled = krs.filter((kr) => reasons.has(kr.id))
  const order = [...reasons.keys()]
  stalled.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))
  return [
    { subject: { kind: AgendaItemKind.SinceLastMeeting }, title: 'Since last meeting', note: '' },
    ...stalled.map((kr) => keyResultItem(kr, reasons.get(kr.id)!.map((w) => w.reason).join('; '))),
    ...krs.filter((kr) => !reasons.has(kr.id)).map((kr) => keyResultItem(kr, '')),
  ]
}
