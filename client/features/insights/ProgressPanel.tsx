/** @module Progress: each objective's bar with the cycle's pace marker, its key results beneath, and the cycle's overall progress. */
import type { CycleProgress, PaceStatus } from '../../../shared/rules/index.ts'
import { pct } from '../../format/numbers.ts'
import { InsightSection } from './InsightSection.tsx'
import { PACE_LABEL } from './insightText.ts'

function Bar({ progress, expected, status, label }: { progress: number; expected: number; status: PaceStatus; label: string }) {
  return (
    <div className={`ins-bar ins-pace--${status}`} role="img" aria-label={`${label}: ${pct(progress)} done, ${pct(expected)} expected, ${PACE_LABEL[status].toLowerCase()}`}>
      <div className="ins-bar__fill" style={{ width: `${Math.min(100, progress * 100)}%` }} />
      <div className="ins-bar__pace" style={{ left: `${Math.min(100, expected * 100)}%` }} />
    </div>
  )
}

function Status({ status }: { status: PaceStatus }) {
  return <span className={`ins-status ins-pace--${status}`}>{PACE_LABEL[status]}</span>
}

export function ProgressPanel({ progress, cycleName }: { progress: CycleProgress; cycleName: string }) {
  const summary =
    progress.progress === null
      ? `No objective of ${cycleName} in view has key results yet.`
      : `${cycleName} is ${pct(progress.progress)} done at ${pct(progress.expected)} of its time (each objective counts once). The mark on each bar is where the pace says it should be.`
  const chart = (
    <ol className="ins-progress">
      {progress.objectives.map((o) => (
        <li key={o.objectiveId} className="ins-progress__objective">
          <div className="ins-progress__row">
            <span className="ins-progress__title">{o.title}</span>
            <span className="ins-progress__figure">{pct(o.progress)}</span>
            <Status status={o.status} />
          </div>
          <Bar progress={o.progress} expected={o.expected} status={o.status} label={o.title} />
          {o.keyResults.length > 0 && (
            <ul className="ins-progress__krs">
              {o.keyResults.map((k) => (
                <li key={k.keyResultId} className="ins-progress__kr">
                  <span className="ins-progress__title">{k.title}</span>
                  <span className="ins-progress__figure">{pct(k.progress)}</span>
                  <Status status={k.status} />
                  <Bar progress={k.progress} expected={k.expected} status={k.status} label={k.title} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  )
  const table = (
    <table className="ins-table">
      <caption>Progress against the pace</caption>
      <thead>
        <tr>
          <th scope="col">Objective or key result</th>
          <th scope="col">Done</th>
          <th scope="col">Expected</th>
          <th scope="col">Pace</th>
        </tr>
      </thead>
      <tbody>
        {progress.progress !== null && progress.status !== null && (
          <tr>
            <th scope="row">The whole cycle</th>
            <td>{pct(progress.progress)}</td>
            <td>{pct(progress.expected)}</td>
            <td>{PACE_LABEL[progress.status]}</td>
          </tr>
        )}
        {progress.objectives.flatMap((o) => [
          <tr key={o.objectiveId}>
            <th scope="row">{o.title}</th>
            <td>{pct(o.progress)}</td>
            <td>{pct(o.expected)}</td>
            <td>{PACE_LABEL[o.status]}</td>
          </tr>,
          ...o.keyResults.map((k) => (
            <tr key={k.keyResultId} className="ins-table__sub">
              <th scope="row">{k.title}</th>
              <td>{pct(k.progress)}</td>
              <td>{pct(k.expected)}</td>
              <td>{PACE_LABEL[k.status]}</td>
            </tr>
          )),
        ])}
      </tbody>
    </table>
  )
  return (
    <>
      {progress.progress !== null && progress.status !== null && (
        <div className="ins-overall" role="group" aria-label="The cycle's overall progress">
          <span className="ins-overall__n">{pct(progress.progress)}</span>
          <span className="ins-overall__label">
            done at {pct(progress.expected)} of {cycleName} <Status status={progress.status} />
          </span>
          <Bar progress={progress.progress} expected={progress.expected} status={progress.status} label={`${cycleName} overall`} />
        </div>
      )}
      <InsightSection id="ins-progress" title="Progress against the pace" summary={summary} chart={chart} table={table} />
    </>
  )
}
