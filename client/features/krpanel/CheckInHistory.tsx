/** @module The latest check-ins with their confidence and notes, newest first. */
import { KeyResultKind } from '../../../shared/model/index.ts'
import type { CheckIn, KeyResult } from '../../../shared/model/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { formatDate } from '../../format/dates.ts'
import { withUnit } from '../../format/numbers.ts'

const SHOWN = 5

export function CheckInHistory({ kr, checkIns, now }: { kr: KeyResult; checkIns: readonly CheckIn[]; now: number }) {
  const people = useSnapshot((s) => s.people)
  if (checkIns.length === 0) return null
  const latest = [...checkIns].reverse().slice(0, SHOWN)
  const binary = kr.kind === KeyResultKind.Milestone || kr.kind === KeyResultKind.Baseline
  return (
    <ol className="history" aria-label="Latest check-ins">
      {latest.map((c) => (
        <li key={c.id} className="history__item">
          <span className="history__date">{formatDate(c.at, now)}</span>
          <span className="history__value">{binary ? (c.value >= 1 ? 'Achieved' : 'Not yet') : withUnit(c.value, kr.unit)}</span>
          <span className={`history__conf history__conf--${c.confidence <= 3 ? 'low' : c.confidence <= 6 ? 'mid' : 'high'}`} title="Confidence">
            {c.confidence}/10
          </span>
          {c.authorId && <span className="history__who">{people.get(c.authorId)?.name}</span>}
          {c.note && <span className="history__note">{c.note}</span>}
        </li>
      ))}
    </ol>
  )
}
