/**
 * @module How much of each team's plan came bottom-up. The practice aims for about 60%; below 50%
 * the team gets the L6 hint right here.
 */
import type { CycleId } from '../../../shared/model/index.ts'
import { BOTTOM_UP_MIN_SHARE } from '../../../shared/rules/index.ts'
import type { WritingHint } from '../../../shared/rules/index.ts'
import { ProgressBar } from '../../ui/ProgressBar.tsx'
import { hintsFor } from './HintNote.tsx'
import { pct } from '../../format/numbers.ts'
import { useTeamShares } from './useTeamShares.ts'

export function BottomUpShares({ cycleId, hints }: { cycleId: CycleId; hints: readonly WritingHint[] }) {
  const shares = useTeamShares(cycleId)
  if (shares.length === 0) return null
  return (
    <section className="shares" aria-labelledby="shares-title">
      <h2 id="shares-title" className="summary-title">
        Bottom-up share <span className="summary-title__aside">aim for about 60%</span>
      </h2>
      <ul className="shares__list">
        {shares.map(({ team, bottomUp, total, share }) => {
          const low = share !== null && share < BOTTOM_UP_MIN_SHARE
          const hint = hintsFor(hints, 'team', team.id)[0]
          return (
            <li key={team.id} className={`shares__team${low ? ' shares__team--low' : ''}`} aria-label={`${team.name}: ${bottomUp} of ${total} objectives bottom-up`}>
              <div className="shares__head">
                <span className="shares__name">{team.name}</span>
                <span className="shares__value">
                  {share === null ? '–' : pct(share)} <span className="shares__count">({bottomUp} of {total})</span>
                </span>
              </div>
              <ProgressBar value={share ?? 0} label={`Bottom-up share of ${team.name}`} color={low ? 'var(--warning)' : 'var(--ok)'} />
              {low && <p className="shares__hint" role="note">{hint?.message ?? `Below ${pct(BOTTOM_UP_MIN_SHARE)}: invite the team to propose objectives.`}</p>}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
