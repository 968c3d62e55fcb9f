/**
 * @module The minutes of a meeting as Markdown: the header (kind, date, duration, facilitator,
 * attendees), then each agenda item with its time, the changes on its KRs, votes, review notes,
 * decision and actions, then the other changes of the meeting. What `GET .../meetings/:id/minutes.md` returns.
 */
import { MeetingKind, VoteScale, unreachable } from '../../shared/model/index.ts'
import type { Task, VoteRound, WorkspaceSnapshot } from '../../shared/model/index.ts'
import type { KeyResultDelta, Minutes, MinutesItem } from '../../shared/rules/index.ts'

const KIND_NAME: Readonly<Record<MeetingKind, string>> = {
  [MeetingKind.Draft]: 'Draft (roundtable)',
  [MeetingKind.Align]: 'Align (consensus)',
  [MeetingKind.Weekly]: 'Weekly check-in',
  [MeetingKind.Review]: 'Review',
}

const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`)

/** `1:05` for 65 seconds, `12:00` for twelve minutes, `1:02:03` past an hour. */
export function clock(ms: number): string {
  const total = Math.round(Math.max(0, ms) / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/** Markdown text of `minutes`; `snap` (the workspace now) names people and columns. */
export function minutesMarkdown(minutes: Minutes, snap: WorkspaceSnapshot): string {
  const m = minutes.meeting
  const cycle = snap.cycles.get(m.cycleId)?.name ?? 'a cycle'
  const date = new Date(minutes.startedAt).toISOString().slice(0, 16).replace('T', ' ')
  const out = [
    `# ${KIND_NAME[m.kind]}: ${escape(cycle)}`,
    '',
    `- **When:** ${date} UTC, ${clock(minutes.durationMs)}`,
    `- **Facilitator:** ${escape(minutes.facilitatorName ?? 'nobody')}`,
    `- **Attendees:** ${minutes.attendees.length === 0 ? 'nobody recorded' : minutes.attendees.map(escape).join(', ')}`,
    `- **Changes:** ${summaryLine(minutes)}`,
    '',
  ]
  minutes.items.forEach((entry, i) => out.push(...itemSection(entry, i + 1, snap)))
  if (minutes.praise.length > 0) {
    out.push('## Praise', '')
    const name = (id: string | null) => (id === null ? 'Someone' : escape(snap.people.get(id as never)?.name ?? 'Someone'))
    for (const p of minutes.praise) out.push(`- ${name(p.fromPersonId)} thanked **${name(p.toPersonId)}**: ${escape(p.text)}`)
    out.push('')
  }
  return `${out.join('\n').trimEnd()}\n`
}

function summaryLine(minutes: Minutes): string {
  const s = minutes.changes.summary
  return `${s.keyResultsMoved} KRs moved, ${s.checkIns} check-ins, ${s.tasksDone} tasks done, ${s.tasksAdded} tasks added, ${s.newStalls} new stalls, ${s.stallsCleared} stalls cleared`
}

function itemSection(entry: MinutesItem, n: number, snap: WorkspaceSnapshot): string[] {
  const { item } = entry
  const out = [`## ${n}. ${escape(item.title)}${item.skipped ? ' (skipped)' : ''}`, '', `Time: ${clock(entry.spentMs)} of ${clock(item.timeboxMs)}`, '']
  if (item.note !== '') out.push(`_${escape(item.note)}_`, '')
  for (const kr of entry.keyResults) out.push(`- ${keyResultLine(kr)}`)
  for (const c of entry.checkIns) {
    const who = c.authorId === null ? '' : ` by ${escape(snap.people.get(c.authorId)?.name ?? 'someone')}`
    out.push(`- Check-in${who}: ${c.value}, confidence ${c.confidence}/10${c.note === '' ? '' : `: "${escape(c.note)}"`}`)
  }
  for (const t of entry.tasks) out.push(`- Task ${escape(t.task.title)}: ${t.done ? 'done' : t.change}`)
  for (const round of entry.votes) out.push(`- ${voteLine(round)}`)
  if (entry.keyResults.length + entry.checkIns.length + entry.tasks.length + entry.votes.length > 0) out.push('')
  if (entry.review !== null) {
    if (entry.review.wentWell !== '') out.push(`**What went well:** ${escape(entry.review.wentWell)}`, '')
    if (entry.review.toChange !== '') out.push(`**What to change:** ${escape(entry.review.toChange)}`, '')
  }
  if (item.decision.trim() !== '') out.push(`**Decision:** ${escape(item.decision.trim())}`, '')
  if (entry.actions.length > 0) {
    out.push('**Actions:**', '')
    for (const task of entry.actions) out.push(`- [ ] ${actionLine(task, snap)}`)
    out.push('')
  }
  return out
}

function keyResultLine(kr: KeyResultDelta): string {
  const title = escape(kr.title)
  switch (kr.change) {
    case 'added':
      return `KR added: ${title}`
    case 'removed':
      return `KR removed: ${title}`
    case 'changed': {
      const parts = [`progress ${pct(kr.progressBefore)} -> ${pct(kr.progressAfter)}`]
      if (kr.scoreBefore !== kr.scoreAfter) parts.push(`score ${kr.scoreBefore?.toFixed(2) ?? '-'} -> ${kr.scoreAfter?.toFixed(2) ?? '-'}`)
      if (kr.confidenceBefore !== kr.confidenceAfter) parts.push(`confidence ${kr.confidenceBefore ?? '-'} -> ${kr.confidenceAfter ?? '-'}`)
      if (kr.fields.length > 0) parts.push(`edited ${kr.fields.join(', ')}`)
      return `${title}: ${parts.join(', ')}`
    }
    default:
      return unreachable(kr.change, 'change')
  }
}

function voteLine(round: VoteRound): string {
  const result = round.result
  if (result === null) return 'Vote: not revealed'
  const what = round.scale === VoteScale.Score ? 'Score vote' : 'Confidence vote'
  const discuss = result.discuss ? ' (discuss: the room disagreed)' : ''
  return `${what}: median ${result.median}, spread ${result.spread}, ${result.ballots.length} votes${discuss}`
}

function actionLine(task: Task, snap: WorkspaceSnapshot): string {
  const who = task.assigneeId === null ? 'unassigned' : escape(snap.people.get(task.assigneeId)?.name ?? 'someone')
  return `${escape(task.title)} (${who}${task.dueDate === null ? '' : `, due ${task.dueDate}`})`
}

/** Keeps user text from turning into Markdown structure. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`).replace(/\s+/g, ' ')
}
