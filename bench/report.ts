/**
 * @module Turns the suite's runs into Markdown: per scenario a table of medians with their range,
 * the Roundtable/reference and Hocuspocus/reference ratios and the goals, then a goal summary.
 */
import { PEER_LABEL, PeerKind } from './peers.ts'
import type { FigureSpec, ScenarioSpec } from './scenarios.ts'
import { summarize } from './stats.ts'
import type { Summary } from './stats.ts'
import type { RunRecord, SuiteResult } from './suite.ts'

export interface GoalOutcome {
  readonly scenario: string
  readonly text: string
  readonly met: boolean | null
  readonly detail: string
}

/** Values of `figure` over the successful runs of `peer` in `scenario`. */
function values(runs: readonly RunRecord[], scenario: string, peer: PeerKind, figure: FigureSpec): number[] {
  const out: number[] = []
  for (const run of runs) {
    if (run.scenario !== scenario || run.peer !== peer || run.result === null) continue
    const figures = run.result.figures
    if (figure.pooled === true) {
      for (const [key, value] of Object.entries(figures)) if (key.startsWith(`${figure.key}.`)) out.push(value)
    } else if (figure.key in figures) {
      out.push(figures[figure.key]!)
    }
  }
  return out
}

/** A figure with `digits` after the point; – for none, ∞ for infinite. */
export function format(value: number, digits: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '–' : '∞'
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

/** A table cell: the median and, over several differing runs, the range in brackets. */
export function cell(summary: Summary, digits: number): string {
  if (summary.n === 0) return '–'
  if (summary.n === 1 || summary.min === summary.max) return format(summary.median, digits)
  return `${format(summary.median, digits)} (${format(summary.min, digits)}–${format(summary.max, digits)})`
}

function ratio(a: Summary, b: Summary): number {
  if (a.n === 0 || b.n === 0) return Number.NaN
  if (b.median === 0) return a.median === 0 ? 1 : Number.POSITIVE_INFINITY
  return a.median / b.median
}

function ratioCell(r: number): string {
  return Number.isFinite(r) ? r.toFixed(2) : Number.isNaN(r) ? '–' : '∞'
}

export function evaluateGoal(spec: ScenarioSpec, figure: FigureSpec, runs: readonly RunRecord[]): GoalOutcome | null {
  const goal = figure.goal
  if (goal === undefined) return null
  const rt = values(runs, spec.id, PeerKind.Roundtable, figure)
  const failedRuns = runs.filter((r) => r.scenario === spec.id && r.peer === PeerKind.Roundtable && r.error !== null).length
  if (goal.kind === 'ratio') {
    const r = ratio(summarize(rt), summarize(values(runs, spec.id, PeerKind.Reference, figure)))
    if (!Number.isFinite(r)) return { scenario: spec.id, text: goal.text, met: null, detail: 'not measured' }
    return { scenario: spec.id, text: goal.text, met: r <= goal.max, detail: `${r.toFixed(2)}x (goal <= ${goal.max})` }
  }
  if (rt.length === 0) return { scenario: spec.id, text: goal.text, met: null, detail: 'not measured' }
  const worst = Math.max(...rt)
  const met = worst <= goal.max && failedRuns === 0
  const runsNote = failedRuns > 0 ? `, ${failedRuns} run(s) failed` : ''
  return { scenario: spec.id, text: goal.text, met, detail: `worst ${format(worst, figure.digits)} over ${rt.length} (goal <= ${goal.max})${runsNote}` }
}

function mark(met: boolean | null): string {
  return met === null ? '?' : met ? 'met' : '**missed**'
}

/** One Markdown table per scenario, with ratios and goals. */
export function scenarioTables(result: SuiteResult): { markdown: string; goals: GoalOutcome[] } {
  const lines: string[] = []
  const goals: GoalOutcome[] = []
  for (const spec of result.specs) {
    lines.push(`### ${spec.id}`, '', spec.title, '')
    const peers = spec.peers
    const withRatios = peers.includes(PeerKind.Reference)
    const withHocuspocus = withRatios && peers.includes(PeerKind.Hocuspocus)
    const header = ['figure', ...peers.map((p) => PEER_LABEL[p].split(' (')[0]!)]
    if (withRatios) header.push('Roundtable/ref')
    if (withHocuspocus) header.push('Hocuspocus/ref')
    header.push('goal')
    lines.push(`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`)
    for (const figure of spec.figures) {
      const summaries = new Map(peers.map((p) => [p, summarize(values(result.runs, spec.id, p, figure))]))
      if ([...summaries.values()].every((s) => s.n === 0)) continue
      const row = [figure.label, ...peers.map((p) => cell(summaries.get(p)!, figure.digits))]
      if (withRatios) {
        const ref = summaries.get(PeerKind.Reference)!
        row.push(ratioCell(ratio(summaries.get(PeerKind.Roundtable)!, ref)))
        if (withHocuspocus) row.push(ratioCell(ratio(summaries.get(PeerKind.Hocuspocus)!, ref)))
      }
      const outcome = evaluateGoal(spec, figure, result.runs)
      if (outcome !== null) goals.push(outcome)
      row.push(outcome === null ? '' : `${mark(outcome.met)}: ${outcome.detail}`)
      lines.push(`| ${row.join(' | ')} |`)
    }
    const failed = result.runs.filter((r) => r.scenario === spec.id && r.error !== null)
    for (const run of failed) lines.push('', `- run ${run.repeat + 1} of ${run.peer} failed: ${run.error!.split('\n')[0]}`)
    const notes = new Set<string>()
    for (const run of result.runs) {
      if (run.scenario !== spec.id) continue
      for (const note of run.result?.notes ?? []) notes.add(`${run.peer}: ${note}`)
    }
    if (notes.size > 0) {
      lines.push('')
      for (const note of [...notes].slice(0, 8)) lines.push(`- ${note}`)
    }
    lines.push('')
  }
  return { markdown: lines.join('\n'), goals }
}

export function goalSummary(goals: readonly GoalOutcome[]): string {
  const lines = ['| scenario | goal | outcome |', '| --- | --- | --- |']
  for (const g of goals) lines.push(`| ${g.scenario} | ${g.text} | ${mark(g.met)}: ${g.detail} |`)
  const met = goals.filter((g) => g.met === true).length
  lines.push('', `${met} of ${goals.length} goals met.`)
  return lines.join('\n')
}

/** Other processes' CPU over all measurement windows, in percent of one core. */
export function othersCpu(result: SuiteResult): { median: number; max: number } {
  const shares: number[] = []
  for (const run of result.runs) {
    const share = run.result?.figures.othersCpuShare
    if (share !== undefined && Number.isFinite(share)) shares.push(share * 100)
  }
  const s = summarize(shares)
  return { median: s.median, max: s.max }
}
