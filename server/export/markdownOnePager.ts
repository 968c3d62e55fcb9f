/**
 * @module The Markdown one-pager of a workspace's OKRs: per cycle, each objective with its progress
 * and score band, each key result with its current value and confidence, and what has stalled.
 */
import type { KeyResult, Objective, WorkspaceSnapshot } from '../../shared/model/index.ts'
import {
  SCORE_BAND_ADVICE,
  checkInsOf,
  keyResultProgress,
  keyResultsOf,
  objectiveProgress,
  scoreBand,
  stallWarnings,
} from '../../shared/rules/index.ts'
import type { StallWarning } from '../../shared/rules/index.ts'

const LEVEL_ORDER = { company: 0, team: 1, individual: 2 } as const

const pct = (x: number) => `${Math.round(x * 100)}%`

/** Markdown text; `now` decides the stall warnings shown. */
export function markdownOnePager(snap: WorkspaceSnapshot, now: number): string {
  const out: string[] = [`# ${escape(snap.settings.name)}: OKRs`, '']
  const warnings = stallWarnings(snap, now)
  const cycles = [...snap.cycles.values()].sort((a, b) => (a.startDate < b.startDate ? 1 : -1))
  for (const cycle of cycles) {
    out.push(`## ${escape(cycle.name)} (${cycle.startDate} to ${cycle.endDate}, ${cycle.status})`, '')
    const objectives = [...snap.objectives.values()]
      .filter((o) => o.cycleId === cycle.id)
      .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    if (objectives.length === 0) out.push('_No objectives yet._', '')
    for (const objective of objectives) out.push(...objectiveSection(snap, objective, warnings))
  }
  if (cycles.length === 0) out.push('_No cycles yet._', '')
  return `${out.join('\n').trimEnd()}\n`
}

function objectiveSection(snap: WorkspaceSnapshot, o: Objective, warnings: readonly StallWarning[]): string[] {
  const p = objectiveProgress(snap, o.id)
  const owner = o.ownerId ? snap.people.get(o.ownerId)?.name : undefined
  const team = o.teamId ? snap.teams.get(o.teamId)?.name : undefined
  const who = [owner, team].filter(Boolean).join(', ')
  const lines = [
    `### ${escape(o.title)}`,
    '',
    `${capitalise(o.level)} objective${who ? ` · ${escape(who)}` : ''} · ${o.origin} · ${o.status}` +
      ` · progress ${pct(p.progress)} · score ${p.score.toFixed(2)} (${SCORE_BAND_ADVICE[scoreBand(p.score)]})`,
    '',
  ]
  if (o.description.trim()) lines.push(`> ${escape(o.description.trim()).replaceAll('\n', '\n> ')}`, '')
  const krs = keyResultsOf(snap, o.id)
  if (krs.length === 0) return [...lines, '_No key results yet._', '']
  lines.push('| Key result | Kind | Weight | Current | Progress | Confidence | Stalled |', '| --- | --- | ---: | --- | ---: | ---: | --- |')
  for (const kr of krs) lines.push(keyResultRow(snap, kr, warnings))
  return [...lines, '']
}

function keyResultRow(snap: WorkspaceSnapshot, kr: KeyResult, warnings: readonly StallWarning[]): string {
  const progress = keyResultProgress(snap, kr)
  const last = checkInsOf(snap, kr.id).at(-1)
  const current = progress.current === null ? '—' : `${progress.current}${kr.unit ? ` ${kr.unit}` : ''}`
  const stalled = warnings
    .filter((w) => w.keyResultId === kr.id)
    .map((w) => `${w.ruleId}: ${w.reason}`)
    .join('; ')
  return `| ${cell(kr.title)} | ${kr.kind} | ${kr.weight}% | ${cell(current)} | ${pct(progress.progress)} | ${last ? `${last.confidence}/10` : '—'} | ${cell(stalled || '—')} |`
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** Text from people: keep Markdown and HTML from changing the page's structure. */
function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`)
}

function cell(s: string): string {
  return escape(s).replaceAll('\n', ' ')
}
