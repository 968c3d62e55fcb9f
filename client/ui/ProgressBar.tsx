/** @module A progress bar with an optional "expected by now" marker. */

export interface ProgressBarProps {
  /** 0..1 */
  readonly value: number
  /** 0..1: where progress should be by now (the cycle's pace). */
  readonly expected?: number
  readonly color?: string
  /** The accessible name, e.g. "Progress of Raise activation". */
  readonly label: string
}

export function ProgressBar({ value, expected, color, label }: ProgressBarProps) {
  const pct = Math.round(Math.min(1, Math.max(0, value)) * 100)
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={`${pct}%`}>
      <div className="progress__bar" style={{ width: `${pct}%`, background: color }} />
      {expected !== undefined && expected > 0 && expected < 1 && (
        <div className="progress__marker" style={{ left: `calc(${Math.round(expected * 100)}% - 1px)` }} aria-hidden="true" />
      )}
    </div>
  )
}
