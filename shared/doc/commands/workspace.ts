/** @module Workspace-wide commands: first-time setup and settings. */
import * as z from 'zod/mini'
import { ColumnKind } from '../../model/index.ts'
import type { ColumnId } from '../../model/index.ts'
import { CommandErrorCode, refuse } from '../errors.ts'
import { nameSchema, parse } from '../input.ts'
import { generateNKeysBetween } from 'fractional-indexing'
import { readSettings } from '../read.ts'
import { Root, SCHEMA_VERSION, insertRecord } from '../schema.ts'
import type { Session } from '../session.ts'

/** The columns every new board starts with; fixed ids so two concurrent inits agree. */
export const DEFAULT_COLUMNS: ReadonlyArray<{ id: ColumnId; name: string; kind: ColumnKind }> = [
  { id: 'todo' as ColumnId, name: 'To do', kind: ColumnKind.Todo },
  { id: 'doing' as ColumnId, name: 'Doing', kind: ColumnKind.Doing },
  { id: 'blocked' as ColumnId, name: 'Blocked', kind: ColumnKind.Blocked },
  { id: 'done' as ColumnId, name: 'Done', kind: ColumnKind.Done },
]

const initInput = z.object({ name: nameSchema })

/**
 * Sets up an empty workspace: schema version, name and the default columns. Does nothing to a
 * workspace that already has columns, so it is safe to call on every load.
 */
export function initWorkspace(s: Session, input: { name: string }): void {
  const { name } = parse(initInput, input)
  s.doc.transact(() => {
    const meta = s.doc.getMap(Root.Meta)
    if (meta.get('schemaVersion') === undefined) meta.set('schemaVersion', SCHEMA_VERSION)
    const settings = s.doc.getMap(Root.Settings)
    if (typeof settings.get('name') !== 'string') settings.set('name', name)
    const columns = s.doc.getMap(Root.Columns)
    if (columns.size > 0) return
    const orders = generateNKeysBetween(null, null, DEFAULT_COLUMNS.length)
    DEFAULT_COLUMNS.forEach((column, i) => {
      insertRecord(s.doc, Root.Columns, column.id, {
        name: column.name,
        kind: column.kind,
        wipLimit: null,
        order: orders[i],
      })
    })
  }, s.origin)
}

const ratio = z.number().check(z.gt(0), z.maximum(1))
const days = z.int().check(z.minimum(1), z.maximum(365))

const settingsInput = z.partial(
  z.strictObject({
    name: nameSchema,
    checkInDays: days,
    paceAtRisk: ratio,
    paceBehind: ratio,
    staleTaskDays: days,
    idleKeyResultDays: days,
  }),
)

export type SettingsPatch = z.input<typeof settingsInput>

/** Renames the workspace or tunes its stall thresholds; at-risk must stay below behind. */
export function updateSettings(s: Session, patch: SettingsPatch): void {
  const input = parse(settingsInput, patch)
  const settings = s.doc.getMap(Root.Settings)
  const current = readSettings(settings).stall
  const atRisk = input.paceAtRisk ?? current.paceAtRisk
  const behind = input.paceBehind ?? current.paceBehind
  if (atRisk >= behind) refuse(CommandErrorCode.Invalid, 'paceAtRisk: must be below paceBehind', 'paceAtRisk')
  s.doc.transact(() => {
    for (const [key, value] of Object.entries(input)) settings.set(key, value)
  }, s.origin)
}
