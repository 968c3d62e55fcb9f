/**
 * @module A vote on the current key result. The facilitator opens a round; while it is open,
 * editors pick a value (changeable until the reveal) and everyone sees who has voted, never what;
 * my own pick is remembered in this tab only. After the reveal: every value, the median, the
 * spread, "Discuss" when they disagree, and the facilitator records the median.
 */
import { useCallback, useEffect, useState } from 'react'
import { MeetingKind, VoteRoundStatus, VoteScale } from '../../../shared/model/index.ts'
import type { AgendaItem, Meeting, VoteRound, VoteRoundId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { voteScaleOf } from '../../../shared/rules/index.ts'
import { voteText, voteValues } from '../../format/meetingText.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Avatar } from '../../ui/Avatar.tsx'
import { Button } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'
import type { MeetingPerson } from './meetingPeople.ts'
import { castBallot, closeVote, openVote, recordVote, revealVote } from './voteApi.ts'
import type { VoteCall } from './voteApi.ts'

export interface VoteSectionProps {
  readonly meeting: Meeting
  readonly item: AgendaItem
  readonly rounds: ReadonlyMap<VoteRoundId, VoteRound>
  readonly people: readonly MeetingPerson[]
  readonly facilitating: boolean
}

const QUESTION: Readonly<Record<VoteScale, string>> = {
  [VoteScale.Confidence]: 'How confident are we that we hit this by the end of the cycle?',
  [VoteScale.Score]: 'Score this KR',
}

/** The latest round on `item` of `meeting`. */
export function roundOf(rounds: ReadonlyMap<VoteRoundId, VoteRound>, meeting: Meeting, item: AgendaItem): VoteRound | null {
  let latest: VoteRound | null = null
  for (const round of rounds.values()) {
    if (round.meetingId !== meeting.id || round.itemId !== item.id) continue
    if (latest === null || round.openedAt > latest.openedAt || (round.openedAt === latest.openedAt && round.id > latest.id)) latest = round
  }
  return latest
}

const myVoteKey = (roundId: string) => `roundtable:vote:${roundId}`

/** My pick in a round, kept in this tab only (sessionStorage), never in the document or awareness. */
function useMyVote(roundId: string | null): [number | null, (value: number) => void] {
  const read = useCallback((): number | null => {
    if (roundId === null) return null
    try {
      const raw = sessionStorage.getItem(myVoteKey(roundId))
      return raw === null ? null : Number(raw)
    } catch {
      return null
    }
  }, [roundId])
  const [value, setValue] = useState<number | null>(read)
  useEffect(() => setValue(read()), [read])
  const remember = (next: number) => {
    setValue(next)
    try {
      if (roundId !== null) sessionStorage.setItem(myVoteKey(roundId), String(next))
    } catch {
      // Kept in component state only.
    }
  }
  return [value, remember]
}

export function VoteSection({ meeting, item, rounds, people, facilitating }: VoteSectionProps) {
  const { workspaceId, identity, canEdit } = useWorkspace()
  const scale = voteScaleOf(meeting.kind)
  const round = roundOf(rounds, meeting, item)
  const [myVote, rememberVote] = useMyVote(round?.id ?? null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const selectNames = useCallback((snap: WorkspaceSnapshot) => snap.people, [])
  const peopleById = useSnapshot(selectNames)
  useEffect(() => setMessage(null), [round?.id, round?.status])
  if (scale === null) return null
  const me = identity.personId
  const act = async (call: () => Promise<VoteCall<unknown>>, after?: () => void) => {
    setBusy(true)
    const result = await call()
    setBusy(false)
    if (result.ok) {
      setMessage(null)
      after?.()
    } else setMessage(result.message)
  }
  const personOf = (personId: string) => {
    const present = people.find((p) => p.personId === personId)
    return { name: present?.name ?? peopleById.get(personId as never)?.name ?? 'Someone', color: present?.color ?? '#8a8a96' }
  }
  const recordLabel = meeting.kind === MeetingKind.Review ? 'Record as lead score' : 'Record as confidence'
  const open = round?.status === VoteRoundStatus.Open

  return (
    <section className="vote" aria-label="Vote">
      <h3 className="meeting-panel__heading">Vote</h3>
      {round === null || (!open && round.result === null) ? (
        facilitating && me !== null ? (
          <div className="vote__start">
            <p className="vote__hint">{round?.status === VoteRoundStatus.Closed ? 'The last round was closed without a reveal.' : 'Ask the room before you record.'}</p>
            <Button variant="primary" size="sm" disabled={busy} onClick={() => act(() => openVote(workspaceId, me))}>
              Open vote
            </Button>
          </div>
        ) : (
          <p className="vote__hint">No vote on this item yet.</p>
        )
      ) : open ? (
        <>
          <p className="vote__question" id={`vote-q-${round.id}`}>
            {QUESTION[round.scale]}
          </p>
          {canEdit && me !== null && (
            <div className="vote__choices" role="group" aria-labelledby={`vote-q-${round.id}`}>
              {voteValues(round.scale).map((value) => {
                const text = voteText(round.scale, value)
                return (
                  <button
                    key={text}
                    type="button"
                    className={`vote__choice${myVote === value ? ' vote__choice--mine' : ''}`}
                    aria-label={`Vote ${text}`}
                    aria-pressed={myVote === value}
                    disabled={busy}
                    onClick={() => act(() => castBallot(workspaceId, round.id, me, value), () => rememberVote(value))}
                  >
                    {text}
                  </button>
                )
              })}
            </div>
          )}
          {myVote !== null && <p className="vote__mine">Your vote: {voteText(round.scale, myVote)} (only you see it; change it until the reveal)</p>}
          <div className="vote__voters" role="group" aria-label={`${round.voterIds.length} voted`}>
            <span className="vote__label">{round.voterIds.length === 0 ? 'Nobody has voted yet' : `${round.voterIds.length} voted`}</span>
            {round.voterIds.map((id) => {
              const p = personOf(id)
              return (
                <span key={id} className="vote__voter">
                  <Avatar name={p.name} color={p.color} size="sm" detail="voted" />
                  <span className="vote__check" aria-hidden="true">
                    <Icon name="check" size={10} />
                  </span>
                </span>
              )
            })}
          </div>
          {facilitating && me !== null && (
            <div className="vote__actions">
              <Button variant="primary" size="sm" disabled={busy || round.voterIds.length === 0} onClick={() => act(() => revealVote(workspaceId, round.id, me))}>
                Reveal
              </Button>
              <Button size="sm" disabled={busy} onClick={() => act(() => closeVote(workspaceId, round.id, me))}>
                Close
              </Button>
            </div>
          )}
        </>
      ) : (
        round.result !== null && (
          <>
            <p className="vote__question">{QUESTION[round.scale]}</p>
            <ul className="vote__ballots" aria-label="Votes">
              {[...round.result.ballots]
                .sort((a, b) => a.value - b.value)
                .map((b) => {
                  const p = personOf(b.personId)
                  return (
                    <li key={b.personId} className="vote__ballot">
                      <Avatar name={p.name} color={p.color} size="sm" />
                      <span className="vote__ballot-name">{p.name}</span>
                      <span className="vote__ballot-value">{voteText(round.scale, b.value)}</span>
                    </li>
                  )
                })}
            </ul>
            <p className="vote__figures">
              <span>
                Median <strong>{voteText(round.scale, round.result.median)}</strong>
              </span>
              <span>
                Spread <strong>{voteText(round.scale, round.result.spread)}</strong>
              </span>
              {round.result.discuss && <span className="vote__discuss">Discuss: the room disagrees</span>}
            </p>
            {round.recordedAt !== null ? (
              <p className="vote__recorded">
                <Icon name="check" size={12} /> Recorded
              </p>
            ) : (
              facilitating &&
              me !== null && (
                <div className="vote__actions">
                  <Button variant="primary" size="sm" disabled={busy} onClick={() => act(() => recordVote(workspaceId, round.id, me))}>
                    {recordLabel}
                  </Button>
                  <Button size="sm" disabled={busy} onClick={() => act(() => openVote(workspaceId, me))}>
                    Vote again
                  </Button>
                </div>
              )
            )}
          </>
        )
      )}
      {message !== null && (
        <p className="vote__error" role="alert">
          {message}
        </p>
      )}
    </section>
  )
}
