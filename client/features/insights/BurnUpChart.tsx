/**
 * @module A small hand-drawn SVG burn-up: the actual course (solid, with its points), the expected
 * course (a line, a band or steps), the forecast (dashed) and today. Colours come from the theme's
 * variables, so it follows dark mode; it scales to its box, so it fits a phone.
 */
import type { ExpectedCourse, TimeValue } from '../../../shared/rules/index.ts'
import { dayLabel, lastDayLabel } from './insightText.ts'

const W = 260
const H = 140
const PAD = { left: 46, right: 8, top: 10, bottom: 22 }

interface BurnUpChartProps {
  /** The chart's accessible name: what it shows, in words. */
  readonly label: string
  readonly start: number
  readonly end: number
  readonly now: number
  readonly actual: readonly TimeValue[]
  readonly expected: ExpectedCourse
  readonly forecast?: readonly TimeValue[] | null
  /** Progress 0..1 (percent axis) or the KR's own unit. */
  readonly unit: 'value' | 'progress'
  readonly format: (value: number) => string
  /** The axis' labels (numbers without the unit, which would not fit). */
  readonly tick?: (value: number) => string
}

function domain(props: BurnUpChartProps): [number, number] {
  if (props.unit === 'progress') return [0, 1]
  const values = [...props.actual.map((p) => p.value), ...(props.forecast ?? []).map((p) => p.value)]
  const e = props.expected
  if (e.kind === 'line' || e.kind === 'steps') values.push(...e.points.map((p) => p.value))
  if (e.kind === 'band') values.push(e.low, e.high)
  let lo = Math.min(...values)
  let hi = Math.max(...values)
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1]
  if (lo === hi) {
    lo -= 1
    hi += 1
  }
  const pad = (hi - lo) * 0.08
  return [lo - pad, hi + pad]
}

/** The values worth a label: 0% and 100%, the start and the target, the band's edges, else the lowest and highest value. */
function ticksOf(props: BurnUpChartProps, lo: number, hi: number): number[] {
  if (props.unit === 'progress') return [0, 1]
  const e = props.expected
  if (e.kind === 'band') return [e.low, e.high]
  if (e.kind === 'line') return [e.points[0].value, e.points[1].value]
  const values = props.actual.map((p) => p.value)
  return values.length === 0 ? [lo, hi] : [...new Set([Math.min(...values), Math.max(...values)])]
}

export function BurnUpChart(props: BurnUpChartProps) {
  const { start, end, now, actual, expected, forecast, label } = props
  const [lo, hi] = domain(props)
  const span = Math.max(1, end - start)
  const x = (t: number) => PAD.left + ((Math.min(Math.max(t, start), end) - start) / span) * (W - PAD.left - PAD.right)
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom)
  const path = (points: readonly TimeValue[]) => points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.at).toFixed(1)} ${y(p.value).toFixed(1)}`).join(' ')
  const bottom = H - PAD.bottom
  const shownTicks = ticksOf(props, lo, hi)
  return (
    <svg className="burnup" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <line className="burnup__axis" x1={PAD.left} x2={W - PAD.right} y1={bottom} y2={bottom} />
      {shownTicks.map((v) => (
        <g key={v}>
          <line className="burnup__grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
          <text className="burnup__tick" x={PAD.left - 4} y={y(v) + 3} textAnchor="end">
            {(props.tick ?? props.format)(v)}
          </text>
        </g>
      ))}
      <text className="burnup__tick" x={PAD.left} y={H - 6}>
        {dayLabel(start)}
      </text>
      <text className="burnup__tick" x={W - PAD.right} y={H - 6} textAnchor="end">
        {lastDayLabel(end)}
      </text>
      {expected.kind === 'band' && (
        <rect className="burnup__band" x={x(expected.from)} width={x(expected.to) - x(expected.from)} y={y(expected.high)} height={Math.max(1, y(expected.low) - y(expected.high))} />
      )}
      {(expected.kind === 'line' || expected.kind === 'steps') && <path className="burnup__expected" d={path(expected.points)} />}
      {now > start && now < end && <line className="burnup__now" x1={x(now)} x2={x(now)} y1={PAD.top} y2={bottom} />}
      {forecast && forecast.length > 1 && <path className="burnup__forecast" d={path(forecast)} />}
      {actual.length > 1 && <path className="burnup__actual" d={path(actual)} />}
      {actual.map((p) => (
        <circle key={p.at} className="burnup__point" cx={x(p.at)} cy={y(p.value)} r={2.5} />
      ))}
    </svg>
  )
}
