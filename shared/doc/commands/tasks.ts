/**
 * @module Task commands: the cards that move a key result across the board. A closed cycle's
 * cards stay as they were at the close, since its task-driven key results are scored from them.
 */
import * as z from 'zod/mini'
import type { CycleId, KeyResultId, TaskId } from '../../model/index.ts'
import { CommandErrorCode, refuse } from '../errors.ts'
import { columnIdSchema, cycleIdSchema, dateSchema, idSchema, keyResultIdSchema, labelsSchema, parse, personIdSchema, taskIdSchema, taskTitleSchema } from '../input.ts'
import {
  cellRanks,
  columnRecord,
  cycleOfKeyResult,
  cycleRecord,
  keyResultRecord,
  requireNotClosed,
  requireRef,
  taskRecord,
} from '../lookup.ts'
import { rankAt } from '../rank.ts'
import { Root, insertRecord, newText } from '../schema.ts'
import type { Session } from '../session.ts'
import { setTextField } from '../text.ts'

const createInput = z
  .object({
    id: z.optional(taskIdSchema),
    title: taskTitleSchema,
    columnId: columnIdSchema,
    keyResultId: z._default(z.nullable(keyResultIdSchema), null),
    /** Needed only for a task with no key result; otherwise it is the KR's cycle. */
    cycleId: z.optional(cycleIdSchema),
    assigneeId: z._default(z.nullable(personIdSchema), null),
    dueDate: z._default(z.nullable(dateSchema), null),
    labels: z._default(labelsSchema, []),
    /** Position in the target cell; the end when left out. */
    index: z.optional(z.int().check(z.minimum(0))),
  })
  .check(
    z.refine((t) => t.keyResultId !== null || t.cycleId !== undefined, {
      message: 'is needed for a task without a key result',
      path: ['cycleId'],
    }),
  )

export type CreateTaskInput = z.input<typeof createInput>

/** Adds a card to a cell of the board (a column under a key result, or unlinked in a cycle). */
export function createTask(s: Session, input: CreateTaskInput): TaskId {
  const t = parse(createInput, input)
  columnRecord(s.doc, t.columnId)
  const cycleId = placementCycle(s, t.keyResultId, t.cycleId)
  requireOpenCycle(s, cycleId, 'Cannot add a task')
  requireRef(s.doc, Root.People, 'person', t.assigneeId)
  const id = t.id ?? s.newId<TaskId>()
  const ranks = cellRanks(s.doc, t.columnId, t.keyResultId, cycleId, null)
  const now = s.now()
  s.doc.transact(() => {
    insertRecord(s.doc, Root.Tasks, id, {
      cycleId,
      title: newText(t.title),
      assigneeId: t.assigneeId,
      dueDate: t.dueDate,
      labels: t.labels,
      placement: { columnId: t.columnId, keyResultId: t.keyResultId, rank: rankAt(ranks, t.index ?? ranks.length) },
      createdAt: now,
      movedAt: now,
      missedReason: null,
    })
  }, s.origin)
  return id
}

/** The task's cycle: the key result's, which must match `cycleId` when both are given. */
function placementCycle(s: Session, keyResultId: KeyResultId | null, cycleId: CycleId | undefined): CycleId {
  // Without a key result the input's refine has required a cycle id.
  if (keyResultId === null) return cycleRecord(s.doc, cycleId ?? '')[0].id
  const cycle = cycleOfKeyResult(s.doc, keyResultRecord(s.doc, keyResultId)[0])
  if (cycleId !== undefined && cycleId !== cycle.id) {
    refuse(CommandErrorCode.CrossCycle, 'A task can only sit under a key result of its own cycle', keyResultId)
  }
  return cycle.id
}

function requireOpenCycle(s: Session, cycleId: CycleId, what: string): void {
  requireNotClosed(cycleRecord(s.doc, cycleId)[0], what)
}

const patchInput = z.partial(
  z.strictObject({
    title: taskTitleSchema,
    assigneeId: z.nullable(personIdSchema),
    dueDate: z.nullable(dateSchema),
    labels: labelsSchema,
    missedReason: z.nullable(z.string().check(z.trim(), z.maxLength(2_000))),
  }),
)

export type TaskPatch = z.input<typeof patchInput>

/** Edits a card's details. This is not activity: only a move resets a card's age. */
export function updateTask(s: Session, id: TaskId, patch: TaskPatch): void {
  const input = parse(patchInput, patch)
  const [task, m] = taskRecord(s.doc, id)
  requireOpenCycle(s, task.cycleId, 'Cannot change the task')
  requireRef(s.doc, Root.People, 'person', input.assigneeId)
  s.doc.transact(() => {
    for (const [key, value] of Object.entries(input)) {
      if (key === 'title') setTextField(m, key, value as string)
      else m.set(key, value)
    }
  }, s.origin)
}

const moveInput = z.object({
  taskId: taskIdSchema,
  columnId: columnIdSchema,
  keyResultId: z.nullable(keyResultIdSchema),
  /** Position among the other cards of the target cell. */
  index: z.int().check(z.minimum(0)),
})

export type MoveTaskInput = z.input<typeof moveInput>

/**
 * Moves a card to a position in a cell. The whole placement is written as one value, so two
 * people dragging the same card at once leave it in exactly one place on every replica.
 * Only a change of column or key result counts as activity (reordering within a cell does not).
 */
export function moveTask(s: Session, input: MoveTaskInput): void {
  const mv = parse(moveInput, input)
  const [task, m] = taskRecord(s.doc, mv.taskId)
  requireOpenCycle(s, task.cycleId, 'Cannot move the task')
  columnRecord(s.doc, mv.columnId)
  const keyResultId = mv.keyResultId
  placementCycle(s, keyResultId, task.cycleId)
  const columnId = mv.columnId
  const ranks = cellRanks(s.doc, columnId, keyResultId, task.cycleId, task.id)
  const changedCell = columnId !== task.placement.columnId || keyResultId !== task.placement.keyResultId
  s.doc.transact(() => {
    m.set('placement', { columnId, keyResultId, rank: rankAt(ranks, mv.index) })
    if (changedCell) m.set('movedAt', s.now())
  }, s.origin)
}

export function deleteTask(s: Session, id: TaskId): void {
  parse(idSchema, id)
  const [task] = taskRecord(s.doc, id)
  requireOpenCycle(s, task.cycleId, 'Cannot delete the task')
  s.doc.transact(() => s.doc.getMap(Root.Tasks).delete(id), s.origin)
}
