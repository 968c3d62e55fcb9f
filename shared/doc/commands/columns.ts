/** @module Board column commands: add, rename, set a WIP limit, reorder, delete. */
import * as Y from 'yjs'
import * as z from 'zod/mini'
import { ColumnKind, enumValues } from '../../model/index.ts'
import type { Column, ColumnId } from '../../model/index.ts'
import { CommandErrorCode, refuse } from '../errors.ts'
import { columnIdSchema, idSchema, nameSchema, parse } from '../input.ts'
import { allRecords, columnRecord } from '../lookup.ts'
import { byRank, rankAt } from '../rank.ts'
import { readColumn, readTask } from '../read.ts'
import { Root, insertRecord } from '../schema.ts'
import type { Session } from '../session.ts'

const kind = z.enum(enumValues(ColumnKind) as [ColumnKind, ...ColumnKind[]])
const wipLimit = z.nullable(z.int().check(z.minimum(1), z.maximum(999)))

const createInput = z.object({
  id: z.optional(columnIdSchema),
  name: nameSchema,
  kind: z._default(kind, ColumnKind.Doing),
  wipLimit: z._default(wipLimit, null),
  index: z.optional(z.int().check(z.minimum(0))),
})

function sortedColumns(s: Session, except: ColumnId | null = null): Column[] {
  return allRecords(s.doc, Root.Columns, readColumn)
    .filter((c) => c.id !== except)
    .sort(byRank((c) => c.order))
}

export function createColumn(s: Session, input: z.input<typeof createInput>): ColumnId {
  const c = parse(createInput, input)
  const id = c.id ?? s.newId<ColumnId>()
  const orders = sortedColumns(s).map((col) => col.order)
  s.doc.transact(() => {
    insertRecord(s.doc, Root.Columns, id, {
      name: c.name,
      kind: c.kind,
      wipLimit: c.wipLimit,
      order: rankAt(orders, c.index ?? orders.length),
    })
  }, s.origin)
  return id
}

const patchInput = z.partial(z.strictObject({ name: nameSchema, kind, wipLimit }))

/** Renames a column, changes its kind, or sets its WIP limit (null for none). */
export function updateColumn(s: Session, id: ColumnId, patch: z.input<typeof patchInput>): void {
  const input = parse(patchInput, patch)
  const [, m] = columnRecord(s.doc, id)
  s.doc.transact(() => {
    for (const [key, value] of Object.entries(input)) m.set(key, value)
  }, s.origin)
}

/** Moves a column to `index` among the others. */
export function moveColumn(s: Session, id: ColumnId, index: number): void {
  const at = parse(z.int().check(z.minimum(0)), index)
  const [, m] = columnRecord(s.doc, id)
  const orders = sortedColumns(s, id).map((c) => c.order)
  s.doc.transact(() => m.set('order', rankAt(orders, at)), s.origin)
}

/**
 * Deletes a column. Its cards move to `moveTo`, by default the first other column of the same
 * kind, else the first column. The last column cannot be deleted.
 */
export function deleteColumn(s: Session, id: ColumnId, moveTo?: ColumnId): void {
  const [column] = columnRecord(s.doc, id)
  const others = sortedColumns(s, id)
  if (others.length === 0) refuse(CommandErrorCode.InUse, 'A board needs at least one column')
  const target =
    moveTo !== undefined
      ? columnRecord(s.doc, parse(idSchema, moveTo))[0]
      : (others.find((c) => c.kind === column.kind) ?? (others[0] as Column))
  if (target.id === id) refuse(CommandErrorCode.Invalid, 'moveTo: must be another column', 'moveTo')
  s.doc.transact(() => {
    const tasks = s.doc.getMap(Root.Tasks)
    for (const task of allRecords(s.doc, Root.Tasks, readTask)) {
      if (task.placement.columnId !== id) continue
      const m = tasks.get(task.id)
      if (m instanceof Y.Map) m.set('placement', { ...task.placement, columnId: target.id })
    }
    s.doc.getMap(Root.Columns).delete(id)
  }, s.origin)
}
