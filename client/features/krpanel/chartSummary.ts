/** @module The check-in chart in words: its accessible name and visible caption. */
import { KeyResultKind } from '../../../shared/model/index.ts'
import type { CheckIn, Cycle, KeyResult } from '../../../shared/model/index.ts'
import { expectedProgress } from '../../../shared/rules/index.ts'
import { formatDate } from '../../format/dates.ts'
import { keyResultDecimals, roundTo, withUnit } from '../../format/numbers.ts'

export function chartSummary(kr: KeyResult, cycle: Cycle, checkIns: readonly CheckIn[], now: number): string {
  const v = (n: number) => withUnit(n, kr.unit)
  const first = checkIns[0]
  const last = checkIns[checkIns.length - 1]
  const history =
    first === undefined || last === undefined
      ? 'No check-ins yet.'
      : checkIns.length === 1
        ? `1 check-in: ${v(last.value)} on ${formatDate(last.at, now)}.`
        : `${checkIns.length} check-ins, from ${v(first.value)} on ${formatDate(first.at, now)} to ${v(last.value)} on ${formatDate(last.at, now)}.`
  if (kr.kind === KeyResultKind.Range && kr.rangeLow !== null && kr.rangeHigh !== null) {
    const inside = last !== undefined && last.value >= Math.min(kr.rangeLow, kr.rangeHigh) && last.value <= Math.max(kr.rangeLow, kr.rangeHigh)
    return `${history} Target range ${kr.rangeLow}–${v(kr.rangeHigh)}${last === undefined ? '' : inside ? ', latest inside it' : ', latest outside it'}.`
  }
  const start = kr.kind === KeyResultKind.Count ? (kr.start ?? 0) : kr.start
  if (start === null || kr.target === null) return history
  const expected = start + (kr.target - start) * expectedProgress(cycle, now, kr.createdAt)
  // Rounded like the KR's own figures: a KR of whole teams expects whole teams.
  return `${history} Expected by now: ${v(roundTo(expected, keyResultDecimals(kr, checkIns.map((c) => c.value))))}; target ${v(kr.target)} by ${formatDate(cycle.endDate, now)}.`
}
