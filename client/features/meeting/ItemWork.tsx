/**
 * @module What the room settles on an item: the decision, co-typed by everyone at once, and
 * actions (a task with an assignee and a due date under a key result, on the board at once).
 */
import { useCallback, useMemo, useState } from 'react'
import { recordAction } from '../../../shared/doc/meetings.ts'
import { AgendaItemKind } from '../../../shared/model/index.ts'
import type {
  AgendaItem,
  KeyResult,
  KeyResultId,
  Meeting,
  PersonId,
  Task,
  WorkspaceSnapshot,
} from '../../../shared/model/index.ts'
import { useCommand } from '../../app/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Button } from '../../ui/Button.tsx'
import { CoTypedField } from '../okr/index.ts'

interface ItemData {
  readonly keyResults: readonly KeyResult[]
  readonly people: WorkspaceSnapshot['people']
  readonly actions: readonly Task[]
}

export function ItemWork({ meeting, item }: { meeting: Meeting; item: AgendaItem }) {
  const { canEdit } = useWorkspace()
  const select = useCallback(
    (snap: WorkspaceSnapshot): ItemData => ({
      keyResults: [...snap.keyResults.values()].filter((kr) => snap.objectives.get(kr.objectiveId)?.cycleId === meeting.cycleId),
      people: snap.people,
      actions: item.actionTaskIds.map((id) => snap.tasks.get(id)).filter((t): t is Task => t !== undefined),
    }),
    [meeting.cycleId, item.actionTaskIds],
  )
  const data = useSnapshot(select, (a, b) => a.people === b.people && a.keyResults.length === b.keyResults.length && a.keyResults.every((k, i) => k === b.keyResults[i]) && a.actions.length === b.actions.length && a.actions.every((t, i) => t === b.actions[i]))
  const field = useMemo(() => ({ record: 'agendaItem' as const, id: item.id, key: 'decision' as const }), [item.id])
  return (
    <section className="item-work" aria-label="Decision and actions">
      <h3 className="meeting-panel__heading">Decision</h3>
      {canEdit ? (
        <CoTypedField field={field} label="Decision" multiline placeholder="What did we decide?" className="item-work__decision" />
      ) : (
        <p className="item-work__decision-text">{item.decision || 'No decision yet.'}</p>
      )}
      <h3 className="meeting-panel__heading">
        Actions <span className="meeting-panel__count">{data.actions.length}</span>
      </h3>
      {data.actions.length > 0 && (
        <ul className="item-work__actions">
          {data.actions.map((t) => (
            <li key={t.id} className="item-work__action">
              <span className="item-work__action-title">{t.title}</span>
              <span className="item-work__action-meta">
                {t.assigneeId !== null ? (data.people.get(t.assigneeId)?.name ?? 'someone') : 'unassigned'}
                {t.dueDate !== null && ` · due ${t.dueDate}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && <ActionForm item={item} keyResults={data.keyResults} people={data.people} />}
    </section>
  )
}

function ActionForm({ item, keyResults, people }: { item: AgendaItem; keyResults: readonly KeyResult[]; people: WorkspaceSnapshot['people'] }) {
  const { run, error } = useCommand()
  const itemKr = item.subject.kind === AgendaItemKind.KeyResult ? item.subject.keyResultId : null
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState('')
  const [assignee, setAssignee] = useState('')
  const [due, setDue] = useState('')
  const [kr, setKr] = useState('')
  const keyResultId = (itemKr ?? (kr || null)) as KeyResultId | null
  if (!open) {
    return (
      <Button size="sm" onClick={() => setOpen(true)}>
        Add action
      </Button>
    )
  }
  return (
    <form
      className="item-work__form"
      aria-label="New action"
      onSubmit={(event) => {
        event.preventDefault()
        if (keyResultId === null || title.trim() === '') return
        const ok = run((s) =>
          recordAction(s, { itemId: item.id, title: title.trim(), keyResultId, assigneeId: (assignee || null) as PersonId | null, dueDate: due || null }),
        )
        if (ok) {
          setTitle('')
          setDue('')
        }
      }}
    >
      <label className="item-work__field">
        <span>Action</span>
        <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} autoFocus />
      </label>
      {itemKr === null && (
        <label className="item-work__field">
          <span>Key result</span>
          <select className="input" value={kr} onChange={(e) => setKr(e.target.value)} required>
            <option value="">Choose a key result</option>
            {keyResults.map((k) => (
              <option key={k.id} value={k.id}>
                {k.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="item-work__row">
        <label className="item-work__field">
          <span>Assignee</span>
          <select className="input" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">Nobody yet</option>
            {[...people.values()]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </select>
        </label>
        <label className="item-work__field">
          <span>Due</span>
          <input className="input" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </label>
      </div>
      {error !== null && (
        <p className="meeting-panel__error" role="alert">
          {error}
        </p>
      )}
      <div className="item-work__buttons">
        <Button size="sm" variant="primary" type="submit" disabled={keyResultId === null || title.trim() === ''}>
          Add action
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Done
        </Button>
      </div>
    </form>
  )
}
