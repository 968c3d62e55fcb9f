/**
 * @module The agenda: every item with the time spent on it, the current one marked. The
 * facilitator moves to an item, reorders with up and down buttons, skips, and adds an item.
 */
import { useState } from 'react'
import { addAgendaItem, goToAgendaItem, moveAgendaItem, skipAgendaItem } from '../../../shared/doc/meetings.ts'
import { readTimer } from '../../../shared/rules/index.ts'
import type { Meeting } from '../../../shared/model/index.ts'
import type { CommandRunner } from '../../app/index.ts'
import { spentText } from '../../format/meetingText.ts'
import { useServerNow } from '../../hooks/useServerNow.ts'
import { Button, IconButton } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'

export interface AgendaListProps {
  readonly meeting: Meeting
  readonly facilitating: boolean
  readonly command: CommandRunner
}

export function AgendaList({ meeting, facilitating, command }: AgendaListProps) {
  const now = useServerNow(meeting.timer.runningSince !== null)
  const [title, setTitle] = useState('')
  const count = meeting.agenda.length
  return (
    <section className="agenda" aria-label="Agenda">
      <h3 className="meeting-panel__heading">
        Agenda <span className="meeting-panel__count">{count}</span>
      </h3>
      <ol className="agenda__list">
        {meeting.agenda.map((item, index) => {
          const current = item.id === meeting.currentItemId
          const spent = current && meeting.timer.itemId === item.id ? readTimer(meeting.timer, item.timeboxMs, now).elapsedMs : item.spentMs
          const over = spent > item.timeboxMs
          return (
            <li
              key={item.id}
              className={`agenda__item${current ? ' agenda__item--current' : ''}${item.skipped ? ' agenda__item--skipped' : ''}`}
              aria-current={current ? 'step' : undefined}
            >
              <span className="agenda__index" aria-hidden="true">
                {index + 1}
              </span>
              <span className="agenda__body">
                {facilitating && !current && !item.skipped ? (
                  <button type="button" className="agenda__title agenda__title--link" onClick={() => command.run((s) => goToAgendaItem(s, item.id))} aria-label={`Go to ${item.title}`}>
                    {item.title}
                  </button>
                ) : (
                  <span className="agenda__title">{item.title}</span>
                )}
                {item.note !== '' && <span className="agenda__note">{item.note}</span>}
              </span>
              <span className={`agenda__time${over ? ' agenda__time--over' : ''}`} title="Time spent / timebox">
                <span className="visually-hidden">Spent </span>
                {spentText(spent)}
                <span className="agenda__box">/{Math.round(item.timeboxMs / 60_000)}m</span>
              </span>
              {item.skipped && <span className="agenda__skipped">skipped</span>}
              {facilitating && (
                <span className="agenda__tools">
                  <IconButton size="sm" label={`Move ${item.title} up`} icon={<Icon name="chevronDown" size={14} />} className="agenda__up" disabled={index === 0} onClick={() => command.run((s) => moveAgendaItem(s, item.id, index - 1))} />
                  <IconButton size="sm" label={`Move ${item.title} down`} icon={<Icon name="chevronDown" size={14} />} disabled={index === count - 1} onClick={() => command.run((s) => moveAgendaItem(s, item.id, index + 1))} />
                  {!current && (
                    <Button size="sm" variant="ghost" onClick={() => command.run((s) => skipAgendaItem(s, item.id, !item.skipped))} aria-label={`${item.skipped ? 'Unskip' : 'Skip'} ${item.title}`}>
                      {item.skipped ? 'Unskip' : 'Skip'}
                    </Button>
                  )}
                </span>
              )}
            </li>
          )
        })}
      </ol>
      {facilitating && (
        <form
          className="agenda__add"
          onSubmit={(event) => {
            event.preventDefault()
            if (title.trim() === '') return
            if (command.run((s) => addAgendaItem(s, { title: title.trim() }))) setTitle('')
          }}
        >
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Add an item after the current one" aria-label="New agenda item" maxLength={200} />
          <Button size="sm" type="submit" disabled={title.trim() === ''}>
            Add item
          </Button>
        </form>
      )}
    </section>
  )
}
