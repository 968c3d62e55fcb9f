/**
 * @module The view's team, owner and level filters applied to the tree, with the board's meaning:
 * an objective matches on level and team, and on owner when it or one of its KRs is theirs.
 * A parent that does not match stays (marked as context) when something below it matches, so
 * alignment still reads top to bottom.
 */
import type { KeyResult, Objective, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { objectiveTeam } from '../../../shared/rules/index.ts'
import type { Filters } from '../../hooks/useView.ts'
import type { ObjectiveNode, OkrTree } from './buildOkrTree.ts'

export interface FilteredNode {
  readonly objective: Objective
  /** False for a parent shown only as context for a matching child. */
  readonly matches: boolean
  readonly children: readonly FilteredNode[]
  readonly keyResults: ReadonlyArray<{ readonly keyResult: KeyResult; readonly children: readonly FilteredNode[] }>
}

export interface FilteredTree {
  readonly roots: ReadonlyArray<{ readonly level: OkrTree['roots'][number]['level']; readonly nodes: readonly FilteredNode[] }>
  readonly shown: number
  readonly hidden: number
}

export function isFiltering(f: Filters): boolean {
  return f.teamId !== null || f.ownerId !== null || f.level !== null
}

function matches(snap: WorkspaceSnapshot, o: Objective, node: ObjectiveNode, f: Filters): boolean {
  if (f.level !== null && o.level !== f.level) return false
  if (f.teamId !== null && objectiveTeam(snap, o) !== f.teamId) return false
  return f.ownerId === null || o.ownerId === f.ownerId || node.keyResults.some((k) => k.keyResult.ownerId === f.ownerId)
}

export function filterOkrTree(snap: WorkspaceSnapshot, tree: OkrTree, f: Filters): FilteredTree {
  let shown = 0
  const keep = (node: ObjectiveNode): FilteredNode | null => {
    const children = node.children.map(keep).filter((c): c is FilteredNode => c !== null)
    const keyResults = node.keyResults.map((k) => ({ ...k, children: k.children.map(keep).filter((c): c is FilteredNode => c !== null) }))
    const own = matches(snap, node.objective, node, f)
    if (own) shown += 1
    if (!own && children.length === 0 && keyResults.every((k) => k.children.length === 0)) return null
    return { objective: node.objective, matches: own, children, keyResults }
  }
  const roots = tree.roots
    .map(({ level, nodes }) => ({ level, nodes: nodes.map(keep).filter((n): n is FilteredNode => n !== null) }))
    .filter((r) => r.nodes.length > 0)
  return { roots, shown, hidden: tree.count - shown }
}
