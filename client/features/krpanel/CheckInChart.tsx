/**
 * @module A small chart of a key result's check-ins against the pace it should keep: the dashed
 * line runs from the start value to the target over the cycle; a range KR shows its band instead.
 */
import { useId } from 'react'
import { KeyResultKind } from '../../../shared/model/index.ts'
import type { CheckIn, Cycle, KeyResult } from '../../../shared/model/index.ts'
import { formatDate } from '../../format/dates.ts'
import { formatNumber, withUnit } from '../../format/numbers.ts'
import { CHART, chartGeometry } from './chartGeometry.ts'
import { chartSummary } from './chartSummary.ts'

export interface CheckInChartProps {
  readonly kr: KeyResult
  readonly cycle: Cycle
  readonly checkIns: readonly CheckIn[]
  readonly now: number
}

export function CheckInChart({ kr, cycle, checkIns, now }: CheckInChartProps) {
  const captionId = useId()
  const g = chartGeometry(kr, cycle, checkIns, now)
  const summary = chartSummary(kr, cycle, checkIns, now)
  if (g === null) return <p className="chart__caption">{summary}</p>
  const line = g.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')
  const bottom = CHART.height - CHART.bottom
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-labelledby={captionId} className="chart__svg">
        {g.yTicks.map((t) => (
          <g key={t.value}>
            <line x1={CHART.left} x2={CHART.width - CHART.right} y1={t.y} y2={t.y} className="chart__grid" />
            <text x={CHART.left - 6} y={t.y + 3} className="chart__tick" textAnchor="end">{formatNumber(Math.round(t.value * 10) / 10)}</text>
          </g>
        ))}
        {g.band && <rect x={CHART.left} width={CHART.width - CHART.left - CHART.right} y={g.band.y1} height={Math.max(1, g.band.y2 - g.band.y1)} className="chart__band" />}
        {g.pace && <line {...g.pace} className="chart__pace" />}
        {g.today !== null && <line x1={g.today} x2={g.today} y1={CHART.top} y2={bottom} className="chart__today" />}
        {g.points.length > 1 && <polyline points={line} className="chart__actual" />}
        {g.points.map((p) => (
          <circle key={p.checkIn.id} cx={p.x} cy={p.y} r={3.2} className="chart__dot">
            <title>{`${withUnit(p.checkIn.value, kr.unit)} on ${formatDate(p.checkIn.at, now)}, confidence ${p.checkIn.confidence}/10`}</title>
          </circle>
        ))}
        <text x={CHART.left} y={CHART.height - 6} className="chart__tick">{formatDate(g.start, now)}</text>
        <text x={CHART.width - CHART.right} y={CHART.height - 6} className="chart__tick" textAnchor="end">{formatDate(g.end - 1, now)}</text>
      </svg>
      <figcaption id={captionId} className="chart__caption">
        <span className="chart__legend" aria-hidden="true">
          <span className="chart__key chart__key--actual" /> Actual
          <span className="chart__key chart__key--pace" /> {kr.kind === KeyResultKind.Range ? 'Range' : 'Expected pace'}
        </span>
        {summary}
      </figcaption>
    </figure>
  )
}
