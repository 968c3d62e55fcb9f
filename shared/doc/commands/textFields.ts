/**
 * @module Co-typed text fields (objective title and description, key-result and task titles): a
 * keystroke is one insert or delete at the caret, never a rewrite of the whole text, and nothing
 * is trimmed while someone types. `bindText` gives a field what it needs to follow remote edits:
 * the text, change notices, and carets kept as Yjs relative positions.
 */
import * as Y from 'yjs'
import { MeetingStatus } from '../../model/index.ts'
import type { AgendaItemId, KeyResultId, ObjectiveId, TaskId } from '../../model/index.ts'
import { CommandErrorCode, refuse } from '../errors.ts'
import { LONG_TEXT_MAX, TASK_TITLE_MAX, TITLE_MAX } from '../input.ts'
import { cycleOfKeyResult, cycleRecord, keyResultRecord, objectiveRecord, requireDraft, requireNotClosed, taskRecord } from '../lookup.ts'
import { meetingState } from '../readMeeting.ts'
import { Root } from '../schema.ts'
import type { RecordMap } from '../schema.ts'
import type { Session } from '../session.ts'

/** Which text of which record. */
export type TextField =
  | { readonly record: 'objective'; readonly id: ObjectiveId; readonly key: 'title' | 'description' | ReviewNoteKey }
  | { readonly record: 'keyResult'; readonly id: KeyResultId; readonly key: 'title' }
  | { readonly record: 'task'; readonly id: TaskId; readonly key: 'title' }
  | { readonly record: 'agendaItem'; readonly id: AgendaItemId; readonly key: 'decision' }

/** Replace `remove` characters at `index` with `insert` (UTF-16 offsets, as input elements count). */
export interface TextEdit {
  readonly index: number
  readonly remove: number
  readonly insert: string
}

/** The longest text a field may grow to (a longer legacy text may still shrink). */
export function textLimit(field: TextField): number {
  if (field.record === 'task') return TASK_TITLE_MAX
  if (field.record === 'agendaItem') return DECISION_MAX
  return field.key === 'description' ? LONG_TEXT_MAX : TITLE_MAX
}

/**
 * Applies one edit to a co-typed field, as one transaction with the session's origin. Refuses
 * (typed `CommandError`, nothing changed) an edit the cycle forbids, one outside the text, and one
 * that would grow the text past its limit. An empty or space-padded text is allowed: the field
 * says it needs a title, but rewriting the shared text would move everyone else's characters.
 */
export function editText(s: Session, field: TextField, edit: TextEdit): void {
  const m = editableRecord(s, field)
  const current = m.get(field.key)
  const text = current instanceof Y.Text ? current : null
  const length = text?.length ?? (typeof current === 'string' ? current.length : 0)
  const { index, remove, insert } = edit
  if (!Number.isInteger(index) || !Number.isInteger(remove) || index < 0 || remove < 0 || index + remove > length) {
    refuse(CommandErrorCode.Invalid, `${field.key}: the edit is outside the text`, field.key)
  }
  const limit = textLimit(field)
  if (insert.length > remove && length - remove + insert.length > limit) {
    refuse(CommandErrorCode.Invalid, `${field.key}: must be at most ${limit} characters`, field.key)
  }
  if (remove === 0 && insert === '') return
  s.doc.transact(() => {
    if (text === null) {
      // A peer left a plain string (or nothing): start the shared text from it.
      const base = typeof current === 'string' ? current : ''
      m.set(field.key, new Y.Text(base.slice(0, index) + insert + base.slice(index + remove)))
      return
    }
    if (remove > 0) text.delete(index, remove)
    if (insert !== '') text.insert(index, insert)
  }, s.origin)
}

/** A caret or selection end that follows concurrent edits (a Yjs relative position inside). */
export type TextAnchor = { readonly __brand: 'TextAnchor' }

export interface TextBinding {
  /** The field's current text, untrimmed. */
  read(): string
  /** `editText` on this field. */
  edit(edit: TextEdit): void
  /** Called after every transaction that changed this text, whoever made it. */
  subscribe(listener: () => void): () => void
  /**
   * Remembers `index` in the current text. `assoc` -1 sticks to the character before it (a caret
   * stays after what I typed when someone types at the same place), 0 to the one after it.
   */
  anchor(index: number, assoc?: -1 | 0): TextAnchor
  /** Where an anchor is now, or null when its text was replaced. */
  resolve(anchor: TextAnchor): number | null
}

/** Binds a field's live text; a missing record reads as empty and refuses edits. */
export function bindText(s: Session, field: TextField): TextBinding {
  const find = (): { m: RecordMap | null; text: Y.Text | null } => {
    const m = s.doc.getMap(ROOT_OF[field.record]).get(field.id)
    if (!(m instanceof Y.Map)) return { m: null, text: null }
    const value = (m as RecordMap).get(field.key)
    return { m: m as RecordMap, text: value instanceof Y.Text ? value : null }
  }
  return {
    read() {
      const { m, text } = find()
      if (text !== null) return text.toString()
      const value = m?.get(field.key)
      return typeof value === 'string' ? value : ''
    },
    edit: (e) => editText(s, field, e),
    subscribe(listener) {
      const root = s.doc.getMap(ROOT_OF[field.record])
      // Yjs types `changed` by its own AbstractType; the text, the record and the root are its keys.
      const changed = (tr: Y.Transaction) => tr.changed as Map<unknown, Set<string | null>>
      const onTransaction = (tr: Y.Transaction) => {
        const { m, text } = find()
        const touched = changed(tr)
        if ((text !== null && touched.has(text)) || (m !== null && touched.get(m)?.has(field.key)) || touched.get(root)?.has(field.id)) listener()
      }
      s.doc.on('afterTransaction', onTransaction)
      return () => s.doc.off('afterTransaction', onTransaction)
    },
    anchor(index, assoc = 0) {
      const { text } = find()
      if (text === null) return { index } as unknown as TextAnchor
      return Y.createRelativePositionFromTypeIndex(text, Math.min(index, text.length), assoc) as unknown as TextAnchor
    },
    resolve(anchor) {
      if (!(anchor instanceof Y.RelativePosition)) return null
      const { text } = find()
      const at = Y.createAbsolutePositionFromRelativePosition(anchor, s.doc)
      return at !== null && at.type === text ? at.index : null
    },
  }
}

const ROOT_OF = { objective: Root.Objectives, keyResult: Root.KeyResults, task: Root.Tasks, agendaItem: Root.Agenda } as const

/** An objective's review notes: what went well, what to change (co-typed in the review meeting). */
export type ReviewNoteKey = 'wentWell' | 'toChange'
const REVIEW_NOTE_KEYS: ReadonlySet<string> = new Set<ReviewNoteKey>(['wentWell', 'toChange'])

/** Longest decision recorded on an agenda item. */
export const DECISION_MAX = 2_000

/** The record behind `field`, after the same cycle checks as the field's update command. */
function editableRecord(s: Session, field: TextField): RecordMap {
  switch (field.record) {
    case 'objective': {
      const [objective, m] = objectiveRecord(s.doc, field.id)
      // Review notes are written when the cycle is looked back on: published, closed or not.
      if (REVIEW_NOTE_KEYS.has(field.key)) return m
      requireDraft(cycleRecord(s.doc, objective.cycleId)[0], 'Cannot change the objective')
      return m
    }
    case 'keyResult': {
      const [kr, m] = keyResultRecord(s.doc, field.id)
      requireNotClosed(cycleOfKeyResult(s.doc, kr), 'Cannot change the key result')
      return m
    }
    case 'task': {
      const [task, m] = taskRecord(s.doc, field.id)
      requireNotClosed(cycleRecord(s.doc, task.cycleId)[0], 'Cannot change the task')
      return m
    }
    case 'agendaItem': {
      // Anyone in the room co-types the decision while the meeting runs.
      const meeting = meetingState(s.doc).meeting
      if (meeting === null || meeting.status !== MeetingStatus.Running) refuse(CommandErrorCode.NoMeeting, 'No meeting is running')
      const m = s.doc.getMap(Root.Agenda).get(field.id)
      if (!(m instanceof Y.Map) || m.get('meetingId') !== meeting.id) refuse(CommandErrorCode.NotFound, `No agenda item ${field.id}`, field.id)
      return m as RecordMap
    }
  }
}
