/** @module Check-in discipline: every expected weekly check-in of each key result, and the share on time per team and owner. */
import type { CheckInDiscipline, CheckInSlot, Insights } from '../../../shared/rules/index.ts'
import { CHECK_IN_PERIOD_DAYS, DAY_MS } from '../../../shared/rules/index.ts'
import { InsightSection } from './InsightSection.tsx'
import { SLOT_LABEL, dayLabel, lastDayLabel, onTimeText } from './insightText.ts'

const PERIOD = CHECK_IN_PERIOD_DAYS * DAY_MS

// A shape as well as a colour for each state, so the grid reads without colour.
const SLOT_MARK = { onTime: '✓', late: '!', missed: '✕', notYetDue: '' } as const

function slotTitle(slot: CheckInSlot): string {
  const week = `Week ${dayLabel(slot.due - PERIOD)}-${lastDayLabel(slot.due)}`
  return `${week}: ${SLOT_LABEL[slot.status].toLowerCase()}${slot.checkInAt !== null ? ` (checked in ${dayLabel(slot.checkInAt)})` : ''}`
}

function countsText(c: CheckInDiscipline['total']): string {
  return `${c.onTime} on time, ${c.late} late, ${c.missed} missed, ${c.notYetDue} not yet due`
}

export function DisciplinePanel({ data }: { data: Insights }) {
  const d = data.discipline
  // One column per week of the cycle, so the same week lines up from one key result to the next.
  const start = data.cycle.start ?? 0
  const weeks = Math.max(1, Math.floor(((data.cycle.end ?? start) - start) / PERIOD))
  const weekOf = (due: number) => Math.min(weeks, Math.max(1, Math.ceil((due - start) / PERIOD)))
  const name = (id: string | null, none: string) => (id === null ? none : (data.names.people[id] ?? data.names.teams[id] ?? id))
  const summary = d.keyResults.length === 0 ? 'No key result in view expects weekly check-ins.' : `A check-in is expected every week; within 3 days after the week counts as late. ${onTimeText(d.total)} overall.`
  const chart = (
    <div className="ins-discipline">
      <ul className="ins-shares" aria-label="On time per team">
        {d.teams.map((t) => (
          <li key={t.id ?? 'none'}>
            <span className="ins-shares__name">{t.id === null ? 'No team' : (data.names.teams[t.id] ?? t.id)}</span>
            <span className="ins-shares__bar" aria-hidden="true">
              <span style={{ width: `${(t.counts.onTimeShare ?? 0) * 100}%` }} />
            </span>
            <span className="ins-shares__text">{onTimeText(t.counts)}</span>
          </li>
        ))}
      </ul>
      <ul className="ins-weeks">
        {d.keyResults.map((k) => (
          <li key={k.keyResultId} className="ins-weeks__row">
            <span className="ins-weeks__title">
              {k.title}
              <span className="ins-weeks__owner">{name(k.ownerId, 'No owner')}</span>
            </span>
            <span className="ins-weeks__slots" role="img" aria-label={`${k.title}: ${countsText(k.counts)}`} style={{ gridTemplateColumns: `repeat(${weeks}, 18px)` }}>
              {k.slots.map((s) => (
                <span key={s.due} className={`ins-slot ins-slot--${s.status}`} title={slotTitle(s)} style={{ gridColumn: weekOf(s.due) }}>
                  {SLOT_MARK[s.status]}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
      <p className="ins-legend" aria-hidden="true">
        {(['onTime', 'late', 'missed', 'notYetDue'] as const).map((s) => (
          <span key={s}>
            <span className={`ins-slot ins-slot--${s}`}>{SLOT_MARK[s]}</span> {SLOT_LABEL[s]}
          </span>
        ))}
      </p>
    </div>
  )
  const table = (
    <table className="ins-table">
      <caption>Weekly check-ins</caption>
      <thead>
        <tr>
          <th scope="col">Key result, owner or team</th>
          <th scope="col">On time</th>
          <th scope="col">Late</th>
          <th scope="col">Missed</th>
          <th scope="col">Not yet due</th>
          <th scope="col">Share on time</th>
        </tr>
      </thead>
      <tbody>
        {[
          ...d.keyResults.map((k) => ({ key: `k-${k.keyResultId}`, label: `${k.title} (${name(k.ownerId, 'no owner')})`, counts: k.counts })),
          ...d.owners.map((o) => ({ key: `o-${o.id ?? 'none'}`, label: `Owner: ${name(o.id, 'no owner')}`, counts: o.counts })),
          ...d.teams.map((t) => ({ key: `t-${t.id ?? 'none'}`, label: `Team: ${t.id === null ? 'no team' : (data.names.teams[t.id] ?? t.id)}`, counts: t.counts })),
        ].map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>{row.counts.onTime}</td>
            <td>{row.counts.late}</td>
            <td>{row.counts.missed}</td>
            <td>{row.counts.notYetDue}</td>
            <td>{row.counts.onTimeShare === null ? '-' : `${Math.round(row.counts.onTimeShare * 100)}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
  return <InsightSection id="ins-discipline" title="Check-in discipline" summary={summary} chart={chart} table={table} />
}
