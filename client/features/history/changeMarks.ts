/**
 * @module The history view's marks: for each record shown as it was at a checkpoint, what changed
 * on it since ("progress 40% → 55% now", "moved to Done", "removed"). Records added since are not
 * on the past board; the summary list names them.
 */
import type { WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { ChangeKind } from '../../../shared/rules/index.ts'
import type { WorkspaceChanges } from '../../../shared/rules/index.ts'
import { confidenceChangeText, progressChangeText, scoreText } from '../../format/changesText.ts'
import { FIELD_LABEL } from '../../format/labels.ts'

/** "edited title, target": the fields of a record that changed, or nothing when none did. */
function edited(fields: readonly string[]): string[] {
  return fields.length === 0 ? [] : [`edited ${fields.map((f) => (FIELD_LABEL[f] ?? f).toLowerCase()).join(', ')}`]
}

/** Record id to what changed on it between the checkpoint and `now` (the live workspace). */
export function changeMarks(changes: WorkspaceChanges, now: WorkspaceSnapshot): Map<string, string> {
  const marks = new Map<string, string>()
  for (const k of changes.keyResults) {
    if (k.change === ChangeKind.Added) continue
    if (k.change === ChangeKind.Removed) {
      marks.set(k.id, 'removed')
      continue
    }
    const parts: string[] = []
    if (k.progressBefore !== k.progressAfter) parts.push(`progress ${progressChangeText(k.progressBefore, k.progressAfter)}`)
    if (k.confidenceBefore !== k.confidenceAfter) parts.push(`confidence ${confidenceChangeText(k.confidenceBefore, k.confidenceAfter)}`)
    if (k.scoreBefore !== k.scoreAfter) parts.push(`score ${scoreText(k.scoreBefore)} → ${scoreText(k.scoreAfter)}`)
    // "now" after the values: the earlier one is what the past board shows.
    const text = [...(parts.length > 0 ? [`${parts.join(', ')} now`] : []), ...edited(k.fields)].join(', ')
    if (text !== '') marks.set(k.id, text)
  }
  for (const t of changes.tasks) {
    if (t.change === ChangeKind.Added) continue
    if (t.change === ChangeKind.Removed) {
      marks.set(t.task.id, 'removed')
      continue
    }
    const column = now.columns.get(t.task.placement.columnId)?.name ?? 'another column'
    const parts = t.from === null ? (t.done ? ['done'] : []) : [`${t.done ? 'done, moved' : 'moved'} to ${column}`]
    parts.push(...edited(t.fields.filter((f) => f !== 'placement')))
    if (parts.length > 0) marks.set(t.task.id, parts.join(', '))
  }
  for (const o of changes.objectives) {
    if (o.change === ChangeKind.Added) continue
    marks.set(o.record.id, o.change === ChangeKind.Removed ? 'removed' : edited(o.fields).join(''))
  }
  return marks
}
