/**
 * @module Where an agenda item takes the people following the facilitator: the view link of what
 * it is about. A key result opens its panel, an objective the OKR tree scrolled to it, the
 * cycle-wide items (hints, team shares, unaligned, publish) the OKR tree, "what we learned" the
 * radar with its final scores; a custom item leaves everyone where they are.
 */
import { AgendaItemKind, unreachable } from '../../../shared/model/index.ts'
import type { AgendaItem, Meeting } from '../../../shared/model/index.ts'
import { INITIAL_VIEW } from '../../hooks/useView.ts'
import type { ViewState } from '../../hooks/useView.ts'
import { viewHref } from '../../app/index.ts'

export interface AgendaPlace {
  /** Path and query of the view link. */
  readonly href: string
  /** An objective to scroll into view once the tree shows it. */
  readonly objectiveId: string | null
}

/** The place `item` of `meeting` shows, or null when it has none (a custom item). */
export function agendaPlace(workspaceId: string, meeting: Pick<Meeting, 'cycleId'>, item: Pick<AgendaItem, 'subject'>): AgendaPlace | null {
  const base: ViewState = { ...INITIAL_VIEW, cycleId: meeting.cycleId }
  const at = (state: ViewState, objectiveId: string | null = null): AgendaPlace => ({ href: viewHref(workspaceId, state), objectiveId })
  const subject = item.subject
  switch (subject.kind) {
    case AgendaItemKind.KeyResult:
      return at({ ...base, keyResultId: subject.keyResultId })
    case AgendaItemKind.Objective:
      return at({ ...base, view: 'tree' }, subject.objectiveId)
    case AgendaItemKind.TeamShare:
      return at({ ...base, view: 'tree', filters: { ...base.filters, teamId: subject.teamId } })
    case AgendaItemKind.WritingHints:
    case AgendaItemKind.Unaligned:
    case AgendaItemKind.Publish:
      return at({ ...base, view: 'tree' })
    case AgendaItemKind.Learned:
      return at({ ...base, view: 'radar' })
    case AgendaItemKind.SinceLastMeeting:
      // The board, where the "Since last meeting" banner and its list are.
      return at(base)
    case AgendaItemKind.Custom:
      return null
    default:
      return unreachable(subject, 'agenda subject')
  }
}

/** Query parameters that say where one is (the view behind a key result, a card's lane); the others only refine. */
const PLACE_PARAMS = ['view', 'kr']

/**
 * The place an address (path and query) shows, without the cycle and filters that refine it: what
 * "the same place" compares, so filters may change without leaving it.
 */
export function placePath(href: string): string {
  const hash = href.indexOf('#')
  const bare = hash < 0 ? href : href.slice(0, hash)
  const q = bare.indexOf('?')
  const path = (q < 0 ? bare : bare.slice(0, q)).replace(/\/$/, '')
  const query = new URLSearchParams(q < 0 ? '' : bare.slice(q))
  const kept = PLACE_PARAMS.filter((key) => query.has(key)).map((key) => `${key}=${query.get(key)}`)
  return kept.length === 0 ? path : `${path}?${kept.join('&')}`
}

/**
 * True when the address moved somewhere the follow did not take it: the person navigated on their
 * own (another card, view or key result, or Back), which stops following. `expected` is the
 * address the follow went to last.
 */
export function isOwnNavigation(expected: string, current: string): boolean {
  return placePath(expected) !== placePath(current)
}
