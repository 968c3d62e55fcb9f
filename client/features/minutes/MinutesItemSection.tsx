/**
 * @module One agenda item in the minutes: time spent against its timebox, what moved on its key
 * results, the check-ins (with notes), revealed votes, an objective's review notes, the decision
 * and the actions.
 */
import { useId } from 'react'
import { AgendaItemKind, VoteScale } from '../../../shared/model/index.ts'
import type { PersonId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import type { MinutesItem } from '../../../shared/rules/index.ts'
import { countText, taskChangeText } from '../../format/changesText.ts'
import { formatDate } from '../../format/dates.ts'
import { overTimeText, timeboxText } from '../../format/meetingTimes.ts'
import { voteText } from '../../format/meetingText.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { CheckInLine } from './CheckInLine.tsx'
import { KeyResultDeltaLine } from './KeyResultDeltaLine.tsx'

const peopleOf = (s: WorkspaceSnapshot) => s.people

export function MinutesItemSection({ entry, n }: { entry: MinutesItem; n: number }) {
  const id = useId()
  const people = useSnapshot(peopleOf)
  const nameOf = (personId: PersonId | null) => (personId === null ? null : (people.get(personId)?.name ?? 'someone'))
  const { item } = entry
  const over = overTimeText(entry.spentMs, item.timeboxMs)
  const titleOf = new Map(entry.keyResults.map((k) => [k.id, k.title]))
  // An item about one key result is titled with it: its lines need not repeat the title.
  const titled = item.subject.kind !== AgendaItemKind.KeyResult
  const decision = item.decision.trim()
  return (
    <li className="minutes-item">
      <section aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="minutes-item__title">
          <span className="minutes-item__n">{n}.</span> {item.title}
          {item.skipped && <span className="minutes-item__skipped"> (skipped)</span>}
        </h2>
        <p className={`minutes-item__time${over ? ' minutes-item__time--over' : ''}`}>
          <span className="minutes-item__label">Time</span> {timeboxText(entry.spentMs, item.timeboxMs)}
          {over && <span> · {over}</span>}
        </p>
        {item.note !== '' && <p className="minutes-item__note">{item.note}</p>}
        {entry.keyResults.length > 0 && (
          <ul className="minutes-item__list" aria-label="Key results">
            {entry.keyResults.map((kr) => (
              <li key={kr.id}>
                <KeyResultDeltaLine delta={kr} titled={titled} />
              </li>
            ))}
          </ul>
        )}
        {entry.checkIns.length > 0 && (
          <ul className="minutes-item__list" aria-label="Check-ins">
            {entry.checkIns.map((c) => (
              <li key={c.id}>
                <CheckInLine checkIn={c} krTitle={titled ? (titleOf.get(c.keyResultId) ?? null) : null} author={nameOf(c.authorId)} />
              </li>
            ))}
          </ul>
        )}
        {entry.tasks.length > 0 && (
          <ul className="minutes-item__list" aria-label="Tasks">
            {entry.tasks.map((t) => (
              <li key={t.task.id}>
                <span className="minutes-item__label">Task </span>
                {t.task.title}
                <span className="minutes-item__meta"> · {taskChangeText(t)}</span>
              </li>
            ))}
          </ul>
        )}
        {entry.votes.length > 0 && (
          <ul className="minutes-item__list" aria-label="Votes">
            {entry.votes.map((round) =>
              round.result === null ? null : (
                <li key={round.id}>
                  <span className="minutes-item__label">{round.scale === VoteScale.Score ? 'Score vote' : 'Confidence vote'}</span> median{' '}
                  <strong>{voteText(round.scale, round.result.median)}</strong>, spread {voteText(round.scale, round.result.spread)},{' '}
                  {countText(round.result.ballots.length, 'vote', 'votes')}
                  {round.result.discuss && <span className="minutes-item__discuss"> · Discuss: the room disagreed</span>}
                </li>
              ),
            )}
          </ul>
        )}
        {entry.review !== null && (
          <div className="minutes-item__review">
            {entry.review.wentWell !== '' && (
              <>
                <h3>What went well</h3>
                <p>{entry.review.wentWell}</p>
              </>
            )}
            {entry.review.toChange !== '' && (
              <>
                <h3>What to change</h3>
                <p>{entry.review.toChange}</p>
              </>
            )}
          </div>
        )}
        {decision !== '' && (
          <div className="minutes-item__decision">
            <h3>Decision</h3>
            <p>{decision}</p>
          </div>
        )}
        {entry.actions.length > 0 && (
          <div className="minutes-item__actions">
            <h3>Actions</h3>
            <ul className="minutes-item__list">
              {entry.actions.map((task) => (
                <li key={task.id}>
                  {task.title}
                  <span className="minutes-item__meta">
                    {' '}
                    · {nameOf(task.assigneeId) ?? 'Unassigned'}
                    {task.dueDate !== null && ` · due ${formatDate(task.dueDate)}`}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </li>
  )
}
