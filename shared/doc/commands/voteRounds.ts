/**
 * @module Vote rounds, as the server runs them: open a round on the current key result, list who
 * has voted, reveal every value at once, close, mark the result recorded. Rounds are plain objects
 * in a root only the server writes (a client's update that touches it is refused), and no value
 * enters the document before the reveal: the ballots themselves stay in the server's storage.
 */
import { AgendaItemKind, VoteRoundStatus } from '../../model/index.ts'
import type { Ballot, KeyResultId, Meeting, PersonId, VoteRound, VoteRoundId } from '../../model/index.ts'
import { voteFigures, voteScaleOf } from '../../rules/index.ts'
import { CommandErrorCode, refuse } from '../errors.ts'
import { meetingState } from '../readMeeting.ts'
import { Root } from '../schema.ts'
import type { Session } from '../session.ts'
import { facilitated, running } from '../meetingGuards.ts'

/**
 * Opens a round on the current agenda item's key result (facilitator only: the session's actor).
 * An open round of the same meeting is closed first: one question at a time.
 */
export function openVoteRound(s: Session): VoteRound {
  const { meeting } = facilitated(s)
  const scale = voteScaleOf(meeting.kind) ?? refuse(CommandErrorCode.Invalid, 'A draft meeting does not vote')
  const item = meeting.agenda.find((i) => i.id === meeting.currentItemId)
  if (item === undefined || item.subject.kind !== AgendaItemKind.KeyResult) {
    refuse(CommandErrorCode.Invalid, 'A vote is on a key result: go to one first')
  }
  const keyResultId: KeyResultId = item.subject.keyResultId
  const id = s.newId<VoteRoundId>()
  const round: VoteRound = {
    id,
    meetingId: meeting.id,
    itemId: item.id,
    keyResultId,
    scale,
    status: VoteRoundStatus.Open,
    openedBy: s.actor!,
    openedAt: s.now(),
    voterIds: [],
    result: null,
    recordedAt: null,
  }
  s.doc.transact(() => {
    for (const open of openRounds(s, meeting)) write(s, { ...open, status: VoteRoundStatus.Closed })
    write(s, round)
  }, s.origin)
  return round
}

/** Lists `personId` among those who voted in an open round (their value stays on the server). */
export function markVoted(s: Session, roundId: VoteRoundId, personId: PersonId): VoteRound {
  const round = openRound(s, roundId)
  if (round.voterIds.includes(personId)) return round
  const next = { ...round, voterIds: [...round.voterIds, personId] }
  s.doc.transact(() => write(s, next), s.origin)
  return next
}

/** Writes every ballot, the median and the spread into the document at once (M8). */
export function revealVoteRound(s: Session, roundId: VoteRoundId, ballots: readonly Ballot[]): VoteRound {
  const round = openRound(s, roundId)
  const sorted = [...ballots].sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0))
  const figures = voteFigures(round.scale, sorted) ?? refuse(CommandErrorCode.Invalid, 'Nobody has voted yet')
  const next: VoteRound = {
    ...round,
    status: VoteRoundStatus.Revealed,
    voterIds: sorted.map((b) => b.personId),
    result: { ballots: sorted, ...figures, revealedAt: s.now() },
  }
  s.doc.transact(() => write(s, next), s.origin)
  return next
}

/** Closes an open round without revealing it (its ballots are dropped by the server). */
export function closeVoteRound(s: Session, roundId: VoteRoundId): VoteRound {
  const round = openRound(s, roundId)
  const next = { ...round, status: VoteRoundStatus.Closed }
  s.doc.transact(() => write(s, next), s.origin)
  return next
}

/** Notes that a revealed round's median became a check-in or a score. */
export function markRecorded(s: Session, roundId: VoteRoundId): VoteRound {
  const round = voteRound(s, roundId)
  if (round.status !== VoteRoundStatus.Revealed) refuse(CommandErrorCode.Invalid, 'Only a revealed vote can be recorded')
  if (round.recordedAt !== null) refuse(CommandErrorCode.VoteClosed, 'This vote is already recorded')
  const next = { ...round, recordedAt: s.now() }
  s.doc.transact(() => write(s, next), s.origin)
  return next
}

/**
 * Drops the rounds of meetings other than the current one (the server's tidy-up when a new
 * meeting starts: the document must not grow with every meeting ever held).
 */
export function pruneVoteRounds(s: Session): number {
  const current = meetingState(s.doc).meeting?.id ?? null
  const stale = [...meetingState(s.doc).voteRounds.values()].filter((r) => r.meetingId !== current)
  if (stale.length === 0) return 0
  s.doc.transact(() => {
    for (const round of stale) s.doc.getMap(Root.VoteRounds).delete(round.id)
  }, s.origin)
  return stale.length
}

/** A round of the running meeting, or `not-found`. */
export function voteRound(s: Session, roundId: VoteRoundId): VoteRound {
  const { meeting } = running(s)
  const round = meetingState(s.doc).voteRounds.get(roundId)
  if (round === undefined || round.meetingId !== meeting.id) return refuse(CommandErrorCode.NotFound, `No vote ${roundId} in this meeting`, roundId)
  return round
}

/** A round that still takes votes, or `vote-closed`. */
export function openRound(s: Session, roundId: VoteRoundId): VoteRound {
  const round = voteRound(s, roundId)
  if (round.status !== VoteRoundStatus.Open) {
    refuse(CommandErrorCode.VoteClosed, round.status === VoteRoundStatus.Revealed ? 'This vote is already revealed' : 'This vote is closed')
  }
  return round
}

function openRounds(s: Session, meeting: Meeting): VoteRound[] {
  return [...meetingState(s.doc).voteRounds.values()].filter((r) => r.meetingId === meeting.id && r.status === VoteRoundStatus.Open)
}

/** Stores a round as one plain value: it moves as a whole, so a reveal lands all at once. */
function write(s: Session, round: VoteRound): void {
  const result = round.result === null ? null : { ...round.result, ballots: round.result.ballots.map((b) => ({ ...b })) }
  s.doc.getMap(Root.VoteRounds).set(round.id, { ...round, voterIds: [...round.voterIds], result })
}
