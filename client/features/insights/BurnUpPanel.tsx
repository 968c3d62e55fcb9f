/** @module Burn-ups: each objective's progress and each key result's values over the cycle, against what is expected, with the forecast. */
import { useCallback, useRef } from 'react'
import type { ReactNode } from 'react'
import type { KeyResultId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import type { Forecast, Insights, KeyResultBurnUp } from '../../../shared/rules/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { formatNumber, pct, withUnit } from '../../format/numbers.ts'
import { BurnUpChart } from './BurnUpChart.tsx'
import { InsightSection } from './InsightSection.tsx'
import { dayLabel } from './insightText.ts'
import { useNearView } from './useNearView.ts'

const selectKeyResults = (snap: WorkspaceSnapshot) => snap.keyResults

const EXPECTED_WORDS = { line: 'against the straight line to its target', band: 'against its band', steps: 'against its due date', none: 'with no target to compare' } as const

function forecastLine(f: Forecast | undefined) {
  return f?.status === 'forecast' ? f.line : null
}

/** One objective's charts, mounted once the group comes near the viewport (a placeholder of about its height until then). */
function ObjectiveCharts({ title, charts, children }: { title: string; charts: number; children: ReactNode }) {
  const ref = useRef<HTMLElement>(null)
  const near = useNearView(ref)
  return (
    <section ref={ref} className="ins-burnups__objective" aria-label={title} aria-busy={!near}>
      <h3 className="ins-burnups__title">{title}</h3>
      {near ? <div className="ins-burnups__grid">{children}</div> : <div className="ins-burnups__placeholder" style={{ minHeight: `${Math.ceil(charts / 4) * 260}px` }} />}
    </section>
  )
}

export function BurnUpPanel({ data }: { data: Insights }) {
  const keyResults = useSnapshot(useCallback(selectKeyResults, []))
  const { start, end } = data.cycle
  const forecasts = new Map<KeyResultId, Forecast>(data.forecasts.map((f) => [f.keyResultId, f.forecast]))
  const burnUps = new Map<KeyResultId, KeyResultBurnUp>(data.burnUps.keyResults.map((b) => [b.keyResultId, b]))
  if (start === null || end === null) {
    return <InsightSection id="ins-burnup" title="Burn-up and forecast" summary="The cycle's dates do not parse: nothing to draw over time." chart={null} table={null} />
  }
  const unitOf = (id: KeyResultId) => keyResults.get(id)?.unit ?? ''
  const valueText = (b: KeyResultBurnUp) => (b.unit === 'progress' ? pct : (v: number) => withUnit(formatNumber(Math.round(v * 100) / 100), unitOf(b.keyResultId)))

  const chart = (
    <div className="ins-burnups">
      {data.progress.objectives.map((o) => {
        const objectiveBurnUp = data.burnUps.objectives.find((b) => b.objectiveId === o.objectiveId)
        return (
          <ObjectiveCharts key={o.objectiveId} title={o.title} charts={o.keyResults.length + 1}>
              {objectiveBurnUp && (
                <figure className="ins-card ins-card--objective">
                  <figcaption>Objective: {pct(o.progress)} done</figcaption>
                  <BurnUpChart
                    label={`${o.title}: progress over the cycle against the pace, ${pct(o.progress)} now`}
                    start={start}
                    end={end}
                    now={data.now}
                    actual={objectiveBurnUp.actual}
                    expected={{ kind: 'line', points: objectiveBurnUp.expected }}
                    unit="progress"
                    format={pct}
                  />
                </figure>
              )}
              {o.keyResults.map((k) => {
                const b = burnUps.get(k.keyResultId)
                if (b === undefined) return null
                const f = forecasts.get(k.keyResultId)
                const format = valueText(b)
                const latest = b.actual[b.actual.length - 1]
                return (
                  <figure key={k.keyResultId} className="ins-card" data-key-result={k.keyResultId}>
                    <figcaption>
                      {k.title}
                      {b.unit === 'value' && unitOf(k.keyResultId) !== '' && <span className="ins-card__unit">{unitOf(k.keyResultId)}</span>}
                    </figcaption>
                    <BurnUpChart
                      label={`${k.title}: ${b.actual.length} points ${EXPECTED_WORDS[b.expected.kind]}${latest ? `, latest ${format(latest.value)}` : ''}`}
                      start={start}
                      end={end}
                      now={data.now}
                      actual={b.actual}
                      expected={b.expected}
                      forecast={forecastLine(f)}
                      unit={b.unit}
                      format={format}
                      tick={b.unit === 'value' ? (v) => formatNumber(Math.round(v * 100) / 100) : pct}
                    />
                    {f && <p className={`ins-forecast ins-forecast--${f.status}`}>{f.text}</p>}
                  </figure>
                )
              })}
          </ObjectiveCharts>
        )
      })}
    </div>
  )

  const table = (
    <table className="ins-table">
      <caption>Key results over the cycle</caption>
      <thead>
        <tr>
          <th scope="col">Key result</th>
          <th scope="col">Check-ins (date: value)</th>
          <th scope="col">Forecast</th>
        </tr>
      </thead>
      <tbody>
        {data.progress.objectives.flatMap((o) =>
          o.keyResults.map((k) => {
            const b = burnUps.get(k.keyResultId)
            const format = b ? valueText(b) : pct
            return (
              <tr key={k.keyResultId}>
                <th scope="row">{k.title}</th>
                <td>{b && b.actual.length > 0 ? b.actual.map((p) => `${dayLabel(p.at)}: ${format(p.value)}`).join(', ') : 'none'}</td>
                <td>{forecasts.get(k.keyResultId)?.text ?? ''}</td>
              </tr>
            )
          }),
        )}
      </tbody>
    </table>
  )
  return (
    <InsightSection
      id="ins-burnup"
      title="Burn-up and forecast"
      summary="Actual values from check-ins (solid) against the expected course (grey: a line to the target, a band, or the due date), and where the recent pace leads by the cycle's end (dashed)."
      chart={chart}
      table={table}
    />
  )
}
