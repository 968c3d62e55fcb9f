/** @module What changed on the board, in words: the banner's line, a minutes summary, before -> after deltas. */
import { unreachable } from '../../shared/model/index.ts'
import { ChangeKind } from '../../shared/rules/index.ts'
import type { ChangeSummary, TaskDelta } from '../../shared/rules/index.ts'
import { pct } from './numbers.ts'

/** "1 KR moved", "2 KRs moved": a count and its noun, singular or plural. */
export function countText(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** The parts of a change summary worth saying, in a fixed order: only the non-zero ones. */
export function summaryParts(summary: ChangeSummary): string[] {
  const parts: Array<[number, string, string]> = [
    [summary.keyResultsMoved, 'KR moved', 'KRs moved'],
    [summary.checkIns, 'check-in', 'check-ins'],
    [summary.newStalls, 'new stall', 'new stalls'],
    [summary.tasksDone, 'task done', 'tasks done'],
    [summary.stallsCleared, 'stall cleared', 'stalls cleared'],
    [summary.tasksAdded, 'task added', 'tasks added'],
  ]
  return parts.filter(([n]) => n > 0).map(([n, one, many]) => countText(n, one, many))
}

/** "4 KRs moved, 3 check-ins, 2 tasks done", or "No changes on the board" when nothing moved. */
export function summaryText(summary: ChangeSummary): string {
  const parts = summaryParts(summary)
  return parts.length === 0 ? 'No changes on the board' : parts.join(', ')
}

/** Whether a summary has anything to say (the banner shows only then). */
export function hasChanges(summary: ChangeSummary): boolean {
  return summaryParts(summary).length > 0
}

/** A progress ratio as a percentage, or a dash when the KR did not exist on that side. */
export function progressText(ratio: number | null): string {
  return ratio === null ? '–' : pct(ratio)
}

/** A confidence (0-10), or a dash when there was no check-in yet. */
export function confidenceText(confidence: number | null): string {
  return confidence === null ? '–' : String(confidence)
}

/** A KR's score (0-1) as the OKR views write it, "0.70", or a dash when it had none. */
export function scoreText(score: number | null): string {
  return score === null ? '–' : score.toFixed(2)
}

/** "30% → 45%": progress before and after, as plain text (Markdown-like places, titles). */
export function progressChangeText(before: number | null, after: number | null): string {
  return `${progressText(before)} → ${progressText(after)}`
}

/** "6 → 7": confidence before and after, as plain text. */
export function confidenceChangeText(before: number | null, after: number | null): string {
  return `${confidenceText(before)} → ${confidenceText(after)}`
}

/** What happened to a card: "done", "added", "removed", "moved" or "edited". */
export function taskChangeText(delta: Pick<TaskDelta, 'change' | 'done' | 'from'>): string {
  if (delta.done) return 'done'
  switch (delta.change) {
    case ChangeKind.Added:
      return 'added'
    case ChangeKind.Removed:
      return 'removed'
    case ChangeKind.Changed:
      return delta.from !== null ? 'moved' : 'edited'
    default:
      return unreachable(delta.change, 'change kind')
  }
}
