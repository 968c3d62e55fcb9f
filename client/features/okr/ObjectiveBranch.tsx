/**
 * @module An objective with everything aligned under it: children of the objective itself first,
 * then, per key result, the objectives that take that key result on. Connector lines come from CSS.
 */
import type { FilteredNode } from './filterOkrTree.ts'
import { ObjectiveCard } from './ObjectiveCard.tsx'

export function ObjectiveBranch({ node }: { node: FilteredNode }) {
  const viaKeyResults = node.keyResults.filter((k) => k.children.length > 0)
  const hasChildren = node.children.length > 0 || viaKeyResults.length > 0
  return (
    <li className="okr-branch">
      <ObjectiveCard objective={node.objective} keyResults={node.keyResults.map((k) => k.keyResult)} context={!node.matches} />
      {hasChildren && (
        <ul className="okr-children" aria-label={`Aligned to ${node.objective.title}`}>
          {node.children.map((child) => <ObjectiveBranch key={child.objective.id} node={child} />)}
          {viaKeyResults.map(({ keyResult, children }) => (
            <li key={keyResult.id} className="okr-via">
              <span className="okr-via__label">
                <span className="okr-via__kicker">via key result</span> {keyResult.title}
              </span>
              <ul className="okr-children okr-children--via" aria-label={`Aligned to key result: ${keyResult.title}`}>
                {children.map((child) => <ObjectiveBranch key={child.objective.id} node={child} />)}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </li>
  )
}
