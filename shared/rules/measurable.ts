/** @module Whether a key result can be measured at all, per kind (L4). */
import { KeyResultKind, unreachable } from '../model/index.ts'
import type { KeyResult } from '../model/index.ts'
import { dayStart } from './cycleTime.ts'

const finite = (x: number | null): boolean => x !== null && Number.isFinite(x)

/**
 * What a key result still lacks to be measurable, as an instruction ("set a target value"), or
 * null when it is measurable (L4). `taskCount` is how many tasks sit under it: a task-driven KR
 * with none has nothing to measure.
 */
export function missingMeasure(kr: KeyResult, taskCount: number): string | null {
  switch (kr.kind) {
    case KeyResultKind.Increase:
    case KeyResultKind.Decrease: {
      const missing = [
        finite(kr.start) ? null : 'a start value',
        finite(kr.target) ? null : 'a target value',
      ].filter((m) => m !== null)
      return missing.length === 0 ? null : `set ${missing.join(' and ')}`
    }
    case KeyResultKind.Count:
      // The count starts from 0 unless told otherwise (P2), so only the target is required.
      return finite(kr.target) ? null : 'set the count to reach'
    case KeyResultKind.Range:
      return finite(kr.rangeLow) && finite(kr.rangeHigh) ? null : 'set the low and high ends of the range'
    case KeyResultKind.Milestone:
    case KeyResultKind.Baseline:
      return dayStart(kr.dueDate) !== null ? null : 'set the date it is due by'
    case KeyResultKind.TaskDriven:
      return taskCount > 0 ? null : 'put at least one task under it'
    default:
      return unreachable(kr.kind, 'key-result kind')
  }
}

/** True when the key result has what its kind needs to be measured (L4). */
export function isMeasurable(kr: KeyResult, taskCount: number): boolean {
  return missingMeasure(kr, taskCount) === null
}
