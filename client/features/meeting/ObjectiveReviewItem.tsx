/**
 * @module A review's objective item: the objective's score rolled up from its KRs' scores by
 * weight, coloured by band and live as anyone scores; "What went well" and "What to change", co-typed.
 */
import { useCallback, useMemo } from 'react'
import type { ObjectiveId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { pct } from '../../format/numbers.ts'
import { CoTypedField, ScoreBadge } from '../okr/index.ts'
import { objectiveReview, sameReview } from './objectiveReview.ts'

const SOURCE_TEXT = { lead: 'lead score', self: 'self score', progress: 'from progress' } as const

export function ObjectiveReviewItem({ objectiveId }: { objectiveId: ObjectiveId }) {
  const { canEdit } = useWorkspace()
  const select = useCallback((snap: WorkspaceSnapshot) => objectiveReview(snap, objectiveId), [objectiveId])
  const review = useSnapshot(select, sameReview)
  const notes = useSnapshot(useCallback((snap: WorkspaceSnapshot) => snap.objectives.get(objectiveId) ?? null, [objectiveId]))
  const wentWell = useMemo(() => ({ record: 'objective' as const, id: objectiveId, key: 'wentWell' as const }), [objectiveId])
  const toChange = useMemo(() => ({ record: 'objective' as const, id: objectiveId, key: 'toChange' as const }), [objectiveId])
  return (
    <section className="meeting-review" aria-label="Objective score">
      <h3 className="meeting-panel__heading">Score</h3>
      <p className="meeting-review__score">
        <ScoreBadge score={review.score} /> <span className="meeting-review__from">weighted from its key results</span>
      </p>
      {review.keyResults.length > 0 && (
        <ul className="meeting-review__krs">
          {review.keyResults.map((k) => (
            <li key={k.id} className="meeting-review__kr">
              <span className="meeting-review__kr-title">{k.title}</span>
              <span className="meeting-review__kr-meta">
                {pct(k.weight)} · {SOURCE_TEXT[k.source]}
              </span>
              <ScoreBadge score={k.score} source={k.source} />
            </li>
          ))}
        </ul>
      )}
      <h3 className="meeting-panel__heading">What went well</h3>
      {canEdit ? (
        <CoTypedField field={wentWell} label="What went well" multiline placeholder="What worked, and why?" className="meeting-review__note" />
      ) : (
        <p className="meeting-review__text">{notes?.wentWell || 'Nothing written yet.'}</p>
      )}
      <h3 className="meeting-panel__heading">What to change</h3>
      {canEdit ? (
        <CoTypedField field={toChange} label="What to change" multiline placeholder="What would we do differently next cycle?" className="meeting-review__note" />
      ) : (
        <p className="meeting-review__text">{notes?.toChange || 'Nothing written yet.'}</p>
      )}
    </section>
  )
}
