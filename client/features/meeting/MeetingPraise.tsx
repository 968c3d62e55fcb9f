/**
 * @module "Thank someone" in a review: a person (anyone in the workspace but me), a line of text,
 * "Thank"; and the praise given in this meeting (who thanked whom, for what), mine with "Take back".
 */
import { useCallback, useState } from 'react'
import { deletePraise, thankSomeone } from '../../../shared/doc/index.ts'
import type { MeetingId, PersonId, Praise, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { useCommand } from '../../app/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Button } from '../../ui/Button.tsx'
import { meetingPraise, samePraise } from './meetingPraise.ts'

/** The longest praise the document takes (shared/doc's PRAISE_MAX). */
const PRAISE_MAX = 280

const peopleOf = (s: WorkspaceSnapshot) => s.people

export function MeetingPraise({ meetingId }: { meetingId: MeetingId }) {
  const { canEdit, identity } = useWorkspace()
  const people = useSnapshot(peopleOf)
  const select = useCallback((snap: WorkspaceSnapshot) => meetingPraise(snap, meetingId), [meetingId])
  const praise = useSnapshot(select, samePraise)
  const { run, error } = useCommand()
  const nameOf = (id: PersonId | null) => (id === null ? 'Someone' : (people.get(id)?.name ?? 'Someone'))
  return (
    <section className="meeting-praise" aria-label="Praise">
      <h3 className="meeting-panel__heading">
        Praise <span className="meeting-panel__count">{praise.length}</span>
      </h3>
      {praise.length === 0 ? (
        <p className="meeting-panel__hint">No praise given in this meeting yet.</p>
      ) : (
        <ul className="meeting-praise__list">
          {praise.map((p: Praise) => (
            <li key={p.id} className="meeting-praise__item">
              <span className="meeting-praise__line">
                {nameOf(p.fromPersonId)} thanked <strong>{nameOf(p.toPersonId)}</strong>: {p.text}
              </span>
              {p.fromPersonId !== null && p.fromPersonId === identity.personId && (
                <Button size="sm" variant="ghost" onClick={() => run((s) => deletePraise(s, p.id))} aria-label={`Take back praise for ${nameOf(p.toPersonId)}`}>
                  Take back
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && identity.personId !== null && <ThankForm me={identity.personId as PersonId} people={people} />}
      {error !== null && (
        <p className="meeting-panel__error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}

function ThankForm({ me, people }: { me: PersonId; people: WorkspaceSnapshot['people'] }) {
  const { run, error } = useCommand()
  const [to, setTo] = useState('')
  const [text, setText] = useState('')
  const others = [...people.values()].filter((p) => p.id !== me).sort((a, b) => a.name.localeCompare(b.name))
  const ready = to !== '' && text.trim() !== ''
  return (
    <form
      className="meeting-praise__form"
      aria-label="Thank someone"
      onSubmit={(event) => {
        event.preventDefault()
        if (!ready) return
        if (run((s) => thankSomeone(s, { toPersonId: to as PersonId, text: text.trim() }))) setText('')
      }}
    >
      <select className="input" value={to} onChange={(e) => setTo(e.target.value)} aria-label="Person to thank">
        <option value="">Thank someone…</option>
        {others.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <input
        className="input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={PRAISE_MAX}
        placeholder="For what?"
        aria-label="What for"
      />
      <Button size="sm" variant="primary" type="submit" disabled={!ready}>
        Thank
      </Button>
      {error !== null && (
        <p className="meeting-panel__error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
