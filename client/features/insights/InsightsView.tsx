/**
 * @module The insights dashboard of the cycle in view, with the view's filters: progress against
 * the pace, burn-ups with forecasts, check-in discipline, confidence and score bands. Every figure
 * comes from `insights` in shared/rules, the same as `GET /api/workspaces/:id/insights`; every chart
 * has its table.
 */
import { useCycle } from '../../hooks/useCycle.ts'
import { useNow } from '../../hooks/useNow.ts'
import { useView } from '../../hooks/useView.ts'
import { BurnUpPanel } from './BurnUpPanel.tsx'
import { ConfidencePanel } from './ConfidencePanel.tsx'
import { DisciplinePanel } from './DisciplinePanel.tsx'
import { ProgressPanel } from './ProgressPanel.tsx'
import { ScorePanel } from './ScorePanel.tsx'
import { useInsights } from './useInsights.ts'
import './insights.css'

export function InsightsView() {
  const cycle = useCycle()
  const now = useNow()
  const { filters } = useView()
  const data = useInsights(cycle?.id ?? null, now, filters)
  const filtered = filters.teamId !== null || filters.ownerId !== null || filters.level !== null

  return (
    <section className="insights" aria-labelledby="insights-title">
      <header className="insights__header">
        <h1 id="insights-title">Insights</h1>
        <p className="insights__sub">
          {data === null ? 'No cycle yet: insights come with the first cycle.' : `How ${data.cycle.name} is going, and whether the team keeps the weekly habit.`}
          {filtered && ' The team, owner or level filter is on.'}
        </p>
      </header>
      {data !== null && (
        <>
          <ProgressPanel progress={data.progress} cycleName={data.cycle.name} />
          <DisciplinePanel data={data} />
          <div className="insights__pair">
            <ConfidencePanel data={data} />
            <ScorePanel scores={data.scores} />
          </div>
          <BurnUpPanel data={data} />
        </>
      )}
    </section>
  )
}
