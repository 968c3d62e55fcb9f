/** @module Score distribution: how many key results fall in each band (B1-B5), as the review will see them. */
import type { ScoreBand, ScoreDistribution } from '../../../shared/rules/index.ts'
import { BAND_LABEL } from '../../format/labels.ts'
import { InsightSection } from './InsightSection.tsx'

const BANDS: readonly ScoreBand[] = ['reconsider', 'short', 'stretch', 'strong', 'notAmbitious']
const RANGE: Readonly<Record<ScoreBand, string>> = { reconsider: 'below 0.4', short: '0.4-0.6', stretch: '0.6-0.7', strong: '0.7-1', notAmbitious: '1.0' }

export function ScorePanel({ scores }: { scores: ScoreDistribution }) {
  const most = Math.max(1, ...BANDS.map((b) => scores.bands[b]))
  const summary =
    scores.total === 0
      ? 'No key result in view.'
      : `${scores.scored} of ${scores.total} key results carry a score; the others count with their progress until the review scores them.`
  const chart = (
    <div className="ins-bands" role="img" aria-label={BANDS.map((b) => `${BAND_LABEL[b]}: ${scores.bands[b]}`).join(', ')}>
      {BANDS.map((b) => (
        <div key={b} className={`ins-bands__band ins-band--${b}`}>
          <span className="ins-bands__n">{scores.bands[b]}</span>
          <span className="ins-bands__bar" style={{ height: `${(scores.bands[b] / most) * 100}%` }} />
          <span className="ins-bands__label">
            {BAND_LABEL[b]}
            <small>{RANGE[b]}</small>
          </span>
        </div>
      ))}
    </div>
  )
  const table = (
    <table className="ins-table">
      <caption>Key results per score band</caption>
      <thead>
        <tr>
          <th scope="col">Band</th>
          <th scope="col">Scores</th>
          <th scope="col">Key results</th>
        </tr>
      </thead>
      <tbody>
        {BANDS.map((b) => (
          <tr key={b}>
            <th scope="row">{BAND_LABEL[b]}</th>
            <td>{RANGE[b]}</td>
            <td>{scores.bands[b]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
  return <InsightSection id="ins-scores" title="Score distribution" summary={summary} chart={chart} table={table} />
}
