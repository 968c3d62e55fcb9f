/**
 * @module The OKR tree of one cycle: company -> team -> individual by alignment. A child sits
 * under its parent objective, or under the parent key result it takes as its objective; an
 * objective whose parent is missing or in another cycle starts a tree at its own level.
 */
import type { CycleId, KeyResult, KeyResultId, Objective, ObjectiveId, ObjectiveLevel, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { keyResultsOf } from '../../../shared/rules/index.ts'

export interface KeyResultBranch {
  readonly keyResult: KeyResult
  /** Objectives that take this key result as their own objective. */
  readonly children: readonly ObjectiveNode[]
}

export interface ObjectiveNode {
  readonly objective: Objective
  readonly keyResults: readonly KeyResultBranch[]
  /** Objectives aligned to this objective itself. */
  readonly children: readonly ObjectiveNode[]
}

export interface OkrTree {
  /** Trees rooted at each level, company first; levels without roots are left out. */
  readonly roots: ReadonlyArray<{ readonly level: ObjectiveLevel; readonly nodes: readonly ObjectiveNode[] }>
  readonly count: number
}

const LEVEL_ORDER: readonly ObjectiveLevel[] = ['company', 'team', 'individual']

function byLevelThenAge(a: Objective, b: Objective): number {
  return LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)
}

export function buildOkrTree(snap: WorkspaceSnapshot, cycleId: CycleId): OkrTree {
  const objectives = [...snap.objectives.values()].filter((o) => o.cycleId === cycleId).sort(byLevelThenAge)
  const inCycle = new Set(objectives.map((o) => o.id))
  const underObjective = new Map<ObjectiveId, Objective[]>()
  const underKeyResult = new Map<KeyResultId, Objective[]>()
  const roots: Objective[] = []
  for (const o of objectives) {
    const a = o.alignment
    const parentKr = a?.kind === 'keyResult' ? snap.keyResults.get(a.id) : undefined
    if (a?.kind === 'objective' && inCycle.has(a.id)) push(underObjective, a.id, o)
    else if (parentKr !== undefined && inCycle.has(parentKr.objectiveId)) push(underKeyResult, parentKr.id, o)
    else roots.push(o)
  }
  // Commands refuse alignment cycles, but a merge of concurrent edits could still make one:
  // `seen` keeps the recursion finite, and anything never reached is shown as a root.
  const seen = new Set<ObjectiveId>()
  const node = (o: Objective): ObjectiveNode => {
    seen.add(o.id)
    const grow = (list: readonly Objective[] | undefined) => (list ?? []).filter((c) => !seen.has(c.id)).map(node)
    return {
      objective: o,
      // In the order they were written (the rules order by id, which reads as random here).
      keyResults: [...keyResultsOf(snap, o.id)].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)).map((keyResult) => ({ keyResult, children: grow(underKeyResult.get(keyResult.id)) })),
      children: grow(underObjective.get(o.id)),
    }
  }
  const trees = roots.map(node)
  for (const o of objectives) if (!seen.has(o.id)) trees.push(node(o))
  return {
    roots: LEVEL_ORDER.map((level) => ({ level, nodes: trees.filter((t) => t.objective.level === level) })).filter((r) => r.nodes.length > 0),
    count: objectives.length,
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
