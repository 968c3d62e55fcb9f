/**
 * @module The meeting panel: docked beside the view on a desktop (collapsible to a strip, so the
 * view and the key-result panel keep their room), a bottom sheet on a phone whose collapsed bar
 * keeps the timer and the current item. The current item with its timer, vote, its own part (changes
 * since the last meeting, review scores, notes, praise), decision and actions; the facilitator's
 * Previous/Next; who is here; the agenda; hand over, take over, end.
 */
import { useState } from 'react'
import {
  claimFacilitator,
  endMeeting,
  goToAgendaItem,
  handFacilitator,
  nextAgendaItem,
  previousAgendaItem,
} from '../../../shared/doc/meetings.ts'
import { AgendaItemKind } from '../../../shared/model/index.ts'
import type { Meeting, PersonId } from '../../../shared/model/index.ts'
import { useCommand } from '../../app/index.ts'
import { MEETING_KIND_LABEL } from '../../format/meetingText.ts'
import { useMeeting } from '../../hooks/useMeeting.ts'
import { PHONE_QUERY, useMediaQuery } from '../../hooks/useMediaQuery.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Avatar } from '../../ui/Avatar.tsx'
import { Button, IconButton } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { KEEPS_FOCUS_ATTRIBUTE } from '../../ui/autoFocusAllowed.ts'
import { AgendaList } from './AgendaList.tsx'
import { ItemReview, praiseOpen } from './ItemReview.tsx'
import { ItemWork } from './ItemWork.tsx'
import { facilitatorPresent } from './meetingPeople.ts'
import type { MeetingPerson } from './meetingPeople.ts'
import { MeetingPraise } from './MeetingPraise.tsx'
import { MeetingTimer } from './MeetingTimer.tsx'
import { setParticipation } from './participation.ts'
import { useMeetingChanges } from './useMeetingChanges.ts'
import { VoteSection } from './VoteSection.tsx'

export interface MeetingPanelProps {
  readonly meeting: Meeting
  readonly people: readonly MeetingPerson[]
  readonly facilitating: boolean
  readonly facilitatorName: string
}

export function MeetingPanel({ meeting, people, facilitating, facilitatorName }: MeetingPanelProps) {
  const { canEdit, workspaceId } = useWorkspace()
  const { voteRounds } = useMeeting()
  const phone = useMediaQuery(PHONE_QUERY)
  const [collapsed, setCollapsed] = useState(phone)
  const command = useCommand()
  // One answer for the whole meeting: the opening item and every weekly KR item read it.
  const changes = useMeetingChanges(meeting.id)
  const item = meeting.agenda.find((i) => i.id === meeting.currentItemId) ?? null
  const index = item === null ? -1 : meeting.agenda.indexOf(item)
  const next = nextAgendaItem(meeting)
  const previous = previousAgendaItem(meeting)
  const kind = MEETING_KIND_LABEL[meeting.kind]
  const canTakeOver = canEdit && !facilitating && !facilitatorPresent(people, meeting.facilitatorId)

  const toggle = (
    <IconButton
      label={collapsed ? 'Expand meeting panel' : 'Collapse meeting panel'}
      aria-expanded={!collapsed}
      icon={<Icon name={phone ? 'chevronDown' : 'chevronRight'} />}
      className={`meeting-panel__toggle${collapsed ? ' meeting-panel__toggle--collapsed' : ''}`}
      onClick={() => setCollapsed((was) => !was)}
    />
  )
  const header = (
    <header className="meeting-panel__header">
      <div className="meeting-panel__titles">
        <h2 className="meeting-panel__kind">{kind}</h2>
        <span className="meeting-panel__who">{facilitating ? 'You facilitate' : `${facilitatorName} facilitating`}</span>
      </div>
      {toggle}
    </header>
  )

  if (collapsed) {
    return (
      <aside className="meeting-panel meeting-panel--collapsed" aria-label={`${kind} meeting`} {...{ [KEEPS_FOCUS_ATTRIBUTE]: '' }}>
        <div className="meeting-panel__strip">
          {toggle}
          {item !== null && (
            <>
              <MeetingTimer meeting={meeting} item={item} facilitating={facilitating} command={command} compact />
              <span className="meeting-panel__strip-title">{item.title}</span>
            </>
          )}
        </div>
      </aside>
    )
  }

  return (
    <aside className="meeting-panel" aria-label={`${kind} meeting`} {...{ [KEEPS_FOCUS_ATTRIBUTE]: '' }}>
      {header}
      <div className="meeting-panel__scroll">
        <section className="meeting-now" aria-label="Current item">
          {item === null ? (
            <p className="meeting-panel__hint">The agenda is empty{facilitating ? ': add an item below.' : '.'}</p>
          ) : (
            <>
              <p className="meeting-now__step">
                Item {index + 1} of {meeting.agenda.length}
                {item.subject.kind === AgendaItemKind.KeyResult && ' · key result'}
              </p>
              <h3 className="meeting-now__title">{item.title}</h3>
              {item.note !== '' && (
                <p className="meeting-now__note">
                  <Icon name="alert" size={14} /> {item.note}
                </p>
              )}
              <MeetingTimer meeting={meeting} item={item} facilitating={facilitating} command={command} />
            </>
          )}
          {facilitating && (
            <div className="meeting-now__nav">
              <Button size="sm" disabled={previous === null} onClick={() => previous && command.run((s) => goToAgendaItem(s, previous.id))} aria-label="Previous item">
                ← Previous
              </Button>
              <Button size="sm" variant="primary" disabled={next === null} onClick={() => next && command.run((s) => goToAgendaItem(s, next.id))} aria-label="Next item">
                Next →
              </Button>
            </div>
          )}
          {command.error !== null && (
            <p className="meeting-panel__error" role="alert">
              {command.error}
            </p>
          )}
        </section>
        {item !== null && item.subject.kind === AgendaItemKind.KeyResult && (
          <VoteSection meeting={meeting} item={item} rounds={voteRounds} people={people} facilitating={facilitating} />
        )}
        {item !== null && <ItemReview key={`review:${item.id}`} meeting={meeting} item={item} facilitating={facilitating} changes={changes} />}
        {item !== null && <ItemWork key={item.id} meeting={meeting} item={item} />}
        {item !== null && praiseOpen(meeting, item) && <MeetingPraise meetingId={meeting.id} />}
        <section className="meeting-people" aria-label="In the meeting">
          <h3 className="meeting-panel__heading">
            In the meeting <span className="meeting-panel__count">{people.length}</span>
          </h3>
          <ul className="meeting-people__list">
            {people.map((p) => (
              <li key={p.key} className={`meeting-people__person${p.away ? ' meeting-people__person--away' : ''}`}>
                <Avatar name={p.name} color={p.color} size="sm" self={p.self} />
                <span className="meeting-people__name">
                  {p.name}
                  {p.self && ' (you)'}
                </span>
                <span className="meeting-people__state">{[p.facilitator ? 'facilitating' : p.following ? 'following' : null, p.away ? 'away' : null].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
          {canTakeOver && (
            <Button size="sm" onClick={() => command.run((s) => claimFacilitator(s))}>
              Take over facilitating
            </Button>
          )}
        </section>
        <AgendaList meeting={meeting} facilitating={facilitating} command={command} />
        <footer className="meeting-panel__footer">
          {facilitating && <HandOver people={people} onHand={(id) => command.run((s) => handFacilitator(s, id))} />}
          <div className="meeting-panel__end">
            <Button size="sm" onClick={() => setParticipation(workspaceId, null)}>
              Leave meeting
            </Button>
            {facilitating && (
              <Button size="sm" variant="danger" onClick={() => command.run((s) => endMeeting(s))}>
                End meeting
              </Button>
            )}
          </div>
        </footer>
      </div>
    </aside>
  )
}

function HandOver({ people, onHand }: { people: readonly MeetingPerson[]; onHand: (id: PersonId) => void }) {
  const others = people.filter((p) => !p.facilitator && !p.self && p.personId !== null)
  const [to, setTo] = useState('')
  if (others.length === 0) return null
  return (
    <form
      className="meeting-panel__hand"
      onSubmit={(event) => {
        event.preventDefault()
        if (to !== '') onHand(to as PersonId)
      }}
    >
      <select className="input" value={to} onChange={(e) => setTo(e.target.value)} aria-label="Hand facilitating to">
        <option value="">Hand facilitating to…</option>
        {others.map((p) => (
          <option key={p.key} value={p.personId!}>
            {p.name}
          </option>
        ))}
      </select>
      <Button size="sm" type="submit" disabled={to === ''}>
        Hand over
      </Button>
    </form>
  )
}
