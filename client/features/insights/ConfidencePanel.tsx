/** @module Confidence: how it is spread across the cycle, where it disagrees with the pace, and each key result's trend. */
import type { ConfidenceLevel, Insights } from '../../../shared/rules/index.ts'
import { InsightSection } from './InsightSection.tsx'
import { CONFIDENCE_LABEL, DISAGREEMENT_LABEL, dayLabel } from './insightText.ts'

const LEVELS: readonly ConfidenceLevel[] = ['high', 'medium', 'low', 'none']

/** A confidence trend as a tiny line, 0 at the bottom and 10 at the top. */
function Sparkline({ points, label }: { points: ReadonlyArray<{ at: number; confidence: number }>; label: string }) {
  const W = 80
  const H = 22
  if (points.length === 0) return <span className="ins-spark ins-spark--empty">no check-in</span>
  const t0 = points[0]!.at
  const span = Math.max(1, points[points.length - 1]!.at - t0)
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${(points.length === 1 ? W / 2 : ((p.at - t0) / span) * (W - 4) + 2).toFixed(1)} ${(H - 2 - (p.confidence / 10) * (H - 4)).toFixed(1)}`).join(' ')
  return (
    <svg className="ins-spark" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <path d={d} />
      {points.length === 1 && <circle cx={W / 2} cy={H - 2 - (points[0]!.confidence / 10) * (H - 4)} r={2} />}
    </svg>
  )
}

export function ConfidencePanel({ data }: { data: Insights }) {
  const c = data.confidence
  const total = LEVELS.reduce((s, l) => s + c.distribution[l], 0)
  const summary =
    c.disagreements.length === 0
      ? 'Latest confidence of each key result. No key result says one thing with its confidence and another with its pace.'
      : `Latest confidence of each key result. ${c.disagreements.length} ${c.disagreements.length === 1 ? 'key result says' : 'key results say'} one thing with confidence and another with pace: those are the conversations to have.`
  const chart = (
    <div className="ins-confidence">
      <div className="ins-stack" role="img" aria-label={LEVELS.map((l) => `${c.distribution[l]} ${CONFIDENCE_LABEL[l].toLowerCase()}`).join(', ')}>
        {LEVELS.filter((l) => c.distribution[l] > 0).map((l) => (
          <span key={l} className={`ins-stack__part ins-conf--${l}`} style={{ flexGrow: c.distribution[l] }}>
            {c.distribution[l]}
          </span>
        ))}
        {total === 0 && <span className="ins-stack__part ins-conf--none">no key results</span>}
      </div>
      <p className="ins-legend" aria-hidden="true">
        {LEVELS.map((l) => (
          <span key={l}>
            <span className={`ins-swatch ins-conf--${l}`} /> {CONFIDENCE_LABEL[l]}
          </span>
        ))}
      </p>
      {c.disagreements.length > 0 && (
        <ul className="ins-talks" aria-label="Conversations to have">
          {c.disagreements.map((d) => (
            <li key={d.keyResultId} className={`ins-talk ins-talk--${d.kind}`}>
              <span className="ins-talk__kind">{DISAGREEMENT_LABEL[d.kind]}</span>
              <span className="ins-talk__title">{d.title}</span>
              <span className="ins-talk__text">{d.text}</span>
            </li>
          ))}
        </ul>
      )}
      <ul className="ins-trends">
        {c.trends.map((t) => (
          <li key={t.keyResultId}>
            <span className="ins-trends__title">{t.title}</span>
            <Sparkline points={t.points} label={`${t.title}: confidence ${t.points.map((p) => p.confidence).join(', ')}`} />
            <span className="ins-trends__latest">{t.latest === null ? '' : `${t.latest}/10`}</span>
          </li>
        ))}
      </ul>
    </div>
  )
  const table = (
    <table className="ins-table">
      <caption>Confidence per key result</caption>
      <thead>
        <tr>
          <th scope="col">Key result</th>
          <th scope="col">Check-ins (date: confidence)</th>
          <th scope="col">Latest</th>
          <th scope="col">Change</th>
          <th scope="col">Against the pace</th>
        </tr>
      </thead>
      <tbody>
        {c.trends.map((t) => {
          const talk = c.disagreements.find((d) => d.keyResultId === t.keyResultId)
          return (
            <tr key={t.keyResultId}>
              <th scope="row">{t.title}</th>
              <td>{t.points.length === 0 ? 'none' : t.points.map((p) => `${dayLabel(p.at)}: ${p.confidence}`).join(', ')}</td>
              <td>{t.latest ?? '-'}</td>
              <td>{t.change === null ? '-' : t.change > 0 ? `+${t.change}` : String(t.change)}</td>
              <td>{talk ? `${DISAGREEMENT_LABEL[talk.kind]}: ${talk.text}` : ''}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
  return <InsightSection id="ins-confidence" title="Confidence" summary={summary} chart={chart} table={table} />
}
