/** @module Deleting a key result without losing the work under it; call inside a transaction. */
import * as Y from 'yjs'
import type { KeyResultId } from '../../model/index.ts'
import { readObjective, readTask } from '../read.ts'
import { allRecords } from '../lookup.ts'
import { Root } from '../schema.ts'

/**
 * Removes a key result and its score. Its tasks stay in their column, unlinked (keyResultId null),
 * and objectives that took it as their parent lose that alignment.
 */
export function detachKeyResult(doc: Y.Doc, id: KeyResultId): void {
  const tasks = doc.getMap(Root.Tasks)
  for (const task of allRecords(doc, Root.Tasks, readTask)) {
    if (task.placement.keyResultId !== id) continue
    const m = tasks.get(task.id)
    if (m instanceof Y.Map) m.set('placement', { ...task.placement, keyResultId: null })
  }
  const objectives = doc.getMap(Root.Objectives)
  for (const objective of allRecords(doc, Root.Objectives, readObjective)) {
    if (objective.alignment?.kind !== 'keyResult' || objective.alignment.id !== id) continue
    const m = objectives.get(objective.id)
    if (m instanceof Y.Map) m.set('alignment', null)
  }
  doc.getMap(Root.Scores).delete(id)
  doc.getMap(Root.KeyResults).delete(id)
}
