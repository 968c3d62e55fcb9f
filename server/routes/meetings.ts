/**
 * @module `/api/workspaces/:id/meetings/current/votes`: the private votes of a running meeting. The
 * facilitator opens a round on the current key result; each person's value goes to the server's
 * ballot store only, and the document shows who has voted, never what, until the reveal writes
 * every value, the median and the spread at once (by the facilitator, or by itself once everyone
 * present in the meeting has voted). The facilitator can then record the median as a check-in or
 * a lead score. Error codes of refused commands are the commands' own (`vote-closed`).
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import {
  CommandError,
  CommandErrorCode,
  OriginSource,
  checkIn,
  closeVoteRound,
  markRecorded,
  markVoted,
  meetingState,
  openRound,
  openSession,
  openVoteRound,
  pruneVoteRounds,
  readSnapshot,
  revealVoteRound,
  scoreKeyResult,
  voteRound,
} from '../../shared/doc/index.ts'
import type { Session } from '../../shared/doc/index.ts'
import { MeetingStatus, VoteRoundStatus, VoteScale, isId, unreachable } from '../../shared/model/index.ts'
import type { KeyResultId, PersonId, VoteRoundId, WorkspaceSnapshot } from '../../shared/model/index.ts'
import { confidenceOf, everyoneVoted, isVoteValue } from '../../shared/rules/index.ts'
import { Need, authorize, tokenOf, workspaceIdOf } from '../auth/access.ts'
import { ApiError, asCommandApi } from '../errors.ts'
import type { Services } from '../services.ts'
import { body, bodyTooLarge } from './jsonBody.ts'

const MAX_BODY_BYTES = 4 * 1024

const personId = z.string().refine(isId, 'must be a person id')
const personBody = z.object({ personId }).strict()
const ballotBody = z.object({ value: z.number().refine(Number.isFinite, 'must be a finite number') }).strict()

export function meetings(services: Services) {
  const { docs, ballots, now } = services
  /**
   * One vote operation at a time per workspace, on every instance (the ballot store's lock): a
   * reveal never misses a ballot being cast, and a round is revealed once.
   */
  const serial = <T>(workspaceId: string, fn: () => Promise<T>) => ballots.exclusive(workspaceId, fn)
  /** Refuses a round another instance revealed or closed, before this one's document hears of it. */
  const stillOpen = (workspaceId: string, roundId: VoteRoundId) => {
    if (ballots.finished(workspaceId, roundId)) throw new CommandError(CommandErrorCode.VoteClosed, 'This vote is already revealed or closed')
  }
  const writer = (c: Context) => {
    const workspaceId = workspaceIdOf(c.req.param('id') ?? '')
    return authorize(services, workspaceId, tokenOf(c.req.header('authorization'), c.req.query('token')), Need.Write).workspaceId
  }
  const session = (doc: Session['doc'], actor: PersonId) => openSession(doc, { source: OriginSource.Api, actor, now })
  /** Runs `fn` on the document as `actor`, refusing anyone but the running meeting's facilitator. */
  const asFacilitator = <T>(workspaceId: string, actor: PersonId, fn: (s: Session) => T) =>
    asCommandApi(() =>
      docs.withDoc(workspaceId, (doc) => {
        const s = session(doc, actor)
        requireFacilitator(s)
        return fn(s)
      }),
    )

  return new Hono()
    .post('/:id/meetings/current/votes', bodyTooLarge(MAX_BODY_BYTES), async (c) => {
      const workspaceId = writer(c)
      const { personId: actor } = await body(c, personBody)
      const round = await serial(workspaceId, async () => {
        const { opened, open } = await asCommandApi(() =>
          docs.withDoc(workspaceId, (doc) => {
            const s = session(doc, actor as PersonId)
            // Closes the meeting's open round first (one question at a time); checks the facilitator.
            const opened = openVoteRound(s)
            pruneVoteRounds(s)
            return { opened, open: openRoundIds(s) }
          }),
        )
        // Ballots of rounds that no longer take votes (closed by this, or left by a crash) go.
        for (const id of ballots.rounds(workspaceId)) if (!open.has(id)) await ballots.drop(workspaceId, id)
        return opened
      })
      return c.json(round, 201)
    })

    .put('/:id/meetings/current/votes/:roundId/ballots/:personId', bodyTooLarge(MAX_BODY_BYTES), async (c) => {
      const workspaceId = writer(c)
      const roundId = roundIdOf(c)
      const voter = personIdOf(c)
      const { value } = await body(c, ballotBody)
      const revealed = await serial(workspaceId, async () => {
        const round = await asCommandApi(() =>
          docs.withDoc(workspaceId, (doc) => {
            stillOpen(workspaceId, roundId)
            const open = openRound(session(doc, voter), roundId)
            if (!personOf(readSnapshot(doc), voter)) throw new CommandError(CommandErrorCode.NotFound, `No person with id ${voter}`, voter)
            return open
          }),
        )
        if (!isVoteValue(round.scale, value)) {
          const range = round.scale === VoteScale.Score ? '0.0 to 1.0 in tenths' : 'a whole number from 0 to 10'
          throw new ApiError(400, CommandErrorCode.Invalid, `A ${round.scale} vote is ${range}`)
        }
        // Stored first: the document only ever says who voted once the value is safe on disk.
        await ballots.cast(workspaceId, roundId, { personId: voter, value })
        const done = await asCommandApi(() =>
          docs.withDoc(workspaceId, (doc) => {
            const s = session(doc, voter)
            const marked = markVoted(s, roundId, voter)
            if (!everyoneVoted(docs.presentIn(workspaceId, marked.meetingId), marked.voterIds)) return false
            revealVoteRound(s, roundId, ballots.ballots(workspaceId, roundId))
            return true
          }),
        )
        if (done) await ballots.drop(workspaceId, roundId)
        return done
      })
      return c.json({ voted: true, revealed })
    })

    .post('/:id/meetings/current/votes/:roundId/reveal', bodyTooLarge(MAX_BODY_BYTES), async (c) => {
      const workspaceId = writer(c)
      const roundId = roundIdOf(c)
      const { personId: actor } = await body(c, personBody)
      const round = await serial(workspaceId, async () => {
        const revealed = await asFacilitator(workspaceId, actor as PersonId, (s) => {
          stillOpen(workspaceId, roundId)
          return revealVoteRound(s, roundId, ballots.ballots(workspaceId, roundId))
        })
        await ballots.drop(workspaceId, roundId)
        return revealed
      })
      return c.json(round)
    })

    .post('/:id/meetings/current/votes/:roundId/close', bodyTooLarge(MAX_BODY_BYTES), async (c) => {
      const workspaceId = writer(c)
      const roundId = roundIdOf(c)
      const { personId: actor } = await body(c, personBody)
      const round = await serial(workspaceId, async () => {
        const closed = await asFacilitator(workspaceId, actor as PersonId, (s) => {
          stillOpen(workspaceId, roundId)
          return closeVoteRound(s, roundId)
        })
        await ballots.drop(workspaceId, roundId)
        return closed
      })
      return c.json(round)
    })

    .post('/:id/meetings/current/votes/:roundId/record', bodyTooLarge(MAX_BODY_BYTES), async (c) => {
      const workspaceId = writer(c)
      const roundId = roundIdOf(c)
      const { personId: actor } = await body(c, personBody)
      const recorded = await serial(workspaceId, () => asFacilitator(workspaceId, actor as PersonId, (s) => record(s, roundId)))
      return c.json(recorded)
    })
}

/** `/api/time`: the server's clock, so clients can show meeting timers in its time. */
export function time(now: () => number) {
  return new Hono().get('/', (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json({ now: now() })
  })
}

/**
 * Writes a revealed round's median where it belongs: a check-in on the key result (confidence
 * votes; the value stays the latest one) or its lead score (score votes), then marks it recorded.
 */
function record(s: Session, roundId: VoteRoundId) {
  const round = voteRound(s, roundId)
  if (round.status !== VoteRoundStatus.Revealed || round.result === null) {
    throw new CommandError(CommandErrorCode.Invalid, 'Only a revealed vote can be recorded')
  }
  if (round.recordedAt !== null) throw new CommandError(CommandErrorCode.VoteClosed, 'This vote is already recorded')
  const { median, ballots } = round.result
  const keyResultId = round.keyResultId
  switch (round.scale) {
    case VoteScale.Confidence: {
      const snap = readSnapshot(s.doc)
      const people = ballots.length === 1 ? '1 person' : `${ballots.length} people`
      const id = checkIn(s, { keyResultId, value: latestValue(snap, keyResultId), confidence: confidenceOf(median), note: `meeting vote, ${people}` })
      const marked = markRecorded(s, roundId)
      return { recorded: 'check-in' as const, checkIn: readSnapshot(s.doc).checkIns.get(id) ?? null, round: marked }
    }
    case VoteScale.Score: {
      scoreKeyResult(s, { keyResultId, leadScore: median })
      const marked = markRecorded(s, roundId)
      return { recorded: 'score' as const, keyResultId, leadScore: median, round: marked }
    }
    default:
      return unreachable(round.scale, 'vote scale')
  }
}

/** The key result's latest checked-in value, else its start, else 0. */
function latestValue(snap: WorkspaceSnapshot, keyResultId: KeyResultId): number {
  let latest: { at: number; value: number } | null = null
  for (const c of snap.checkIns.values()) {
    if (c.keyResultId === keyResultId && (latest === null || c.at >= latest.at)) latest = c
  }
  return latest?.value ?? snap.keyResults.get(keyResultId)?.start ?? 0
}

/** Refuses with `no-meeting` without a running meeting, `not-facilitator` for anyone but its facilitator. */
function requireFacilitator(s: Session): void {
  const meeting = meetingState(s.doc).meeting
  if (meeting === null || meeting.status !== MeetingStatus.Running) throw new CommandError(CommandErrorCode.NoMeeting, 'No meeting is running')
  if (s.actor === null || meeting.facilitatorId !== s.actor) {
    throw new CommandError(CommandErrorCode.NotFacilitator, 'Only the facilitator can lead the meeting')
  }
}

function openRoundIds(s: Session): Set<VoteRoundId> {
  const open = new Set<VoteRoundId>()
  for (const round of meetingState(s.doc).voteRounds.values()) {
    if (round.status === VoteRoundStatus.Open) open.add(round.id)
  }
  return open
}

function personOf(snap: WorkspaceSnapshot, id: string): boolean {
  return snap.people.has(id as PersonId)
}

function roundIdOf(c: Context): VoteRoundId {
  const id: string = c.req.param('roundId') ?? ''
  if (!isId(id)) throw new ApiError(404, CommandErrorCode.NotFound, 'No such vote in this meeting')
  return id as VoteRoundId
}

function personIdOf(c: Context): PersonId {
  const id: string = c.req.param('personId') ?? ''
  if (!isId(id)) throw new ApiError(400, CommandErrorCode.Invalid, 'Person ids are 1-64 letters, digits, _ or -')
  return id as PersonId
}

