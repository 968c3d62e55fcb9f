/**
 * @module Picks what an objective aligns to: a parent objective, or a parent key result taken as
 * its own objective. Only records of the same cycle are offered; the command refuses loops.
 */
import { useCallback } from 'react'
import type { Alignment, CycleId, KeyResult, Objective, ObjectiveId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { SelectField } from '../../ui/Field.tsx'
import { LEVEL_LABEL } from '../../format/labels.ts'

export function encodeAlignment(a: Alignment | null): string {
  return a === null ? '' : `${a.kind}:${a.id}`
}

export function decodeAlignment(value: string): Alignment | null {
  const [kind, id] = value.split(':')
  if (!id) return null
  return kind === 'keyResult' ? { kind: 'keyResult', id: id as KeyResult['id'] } : { kind: 'objective', id: id as ObjectiveId }
}

interface Choices {
  readonly objectives: readonly Objective[]
  readonly keyResults: ReadonlyArray<{ kr: KeyResult; objective: Objective }>
}

function choicesOf(snap: WorkspaceSnapshot, cycleId: CycleId, self: ObjectiveId | null): Choices {
  const order = { company: 0, team: 1, individual: 2 } as const
  const objectives = [...snap.objectives.values()]
    .filter((o) => o.cycleId === cycleId && o.id !== self)
    .sort((a, b) => order[a.level] - order[b.level] || a.createdAt - b.createdAt)
  const keyResults = objectives.flatMap((objective) =>
    [...snap.keyResults.values()].filter((kr) => kr.objectiveId === objective.id).map((kr) => ({ kr, objective })),
  )
  return { objectives, keyResults }
}

export interface AlignmentPickerProps {
  readonly cycleId: CycleId
  readonly self: ObjectiveId | null
  readonly value: string
  readonly disabled?: boolean
  readonly onChange: (value: string) => void
}

export function AlignmentPicker({ cycleId, self, value, disabled, onChange }: AlignmentPickerProps) {
  const select = useCallback((snap: WorkspaceSnapshot) => choicesOf(snap, cycleId, self), [cycleId, self])
  const { objectives, keyResults } = useSnapshot(select, (a, b) => a.objectives.length === b.objectives.length && a.keyResults.length === b.keyResults.length && a.objectives.every((o, i) => o === b.objectives[i]) && a.keyResults.every((k, i) => k.kr === b.keyResults[i]?.kr))
  return (
    <SelectField label="Aligned to" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} hint="A parent objective, or a parent key result this objective takes on.">
      <option value="">Not aligned (a root at its level)</option>
      {objectives.length > 0 && (
        <optgroup label="Parent objective">
          {objectives.map((o) => (
            <option key={o.id} value={`objective:${o.id}`}>
              {LEVEL_LABEL[o.level]} · {o.title}
            </option>
          ))}
        </optgroup>
      )}
      {keyResults.length > 0 && (
        <optgroup label="Parent key result">
          {keyResults.map(({ kr, objective }) => (
            <option key={kr.id} value={`keyResult:${kr.id}`}>
              {kr.title} ({objective.title})
            </option>
          ))}
        </optgroup>
      )}
    </SelectField>
  )
}
