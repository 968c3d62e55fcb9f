/** @module One key result's change: "Activation rate: progress 30% → 45%, confidence 6 → 7", added or removed. */
import { ChangeKind } from '../../../shared/rules/index.ts'
import type { KeyResultDelta } from '../../../shared/rules/index.ts'
import { confidenceChangeLabel, confidenceChangeText, progressChangeLabel, progressChangeText } from '../../format/changesText.ts'
import { FIELD_LABEL } from '../../format/labels.ts'
import { unreachable } from '../../../shared/model/index.ts'

export function KeyResultDeltaLine({ delta }: { delta: KeyResultDelta }) {
  switch (delta.change) {
    case ChangeKind.Added:
      return (
        <>
          <span className="minutes-item__label">KR added</span> {delta.title}
        </>
      )
    case ChangeKind.Removed:
      return (
        <>
          <span className="minutes-item__label">KR removed</span> {delta.title}
        </>
      )
    case ChangeKind.Changed: {
      const moved = delta.progressBefore !== delta.progressAfter
      const confident = delta.confidenceBefore !== delta.confidenceAfter
      const fields = delta.fields.map((f) => (FIELD_LABEL[f] ?? f).toLowerCase())
      return (
        <>
          <strong>{delta.title}</strong>
          {moved && (
            <span className="delta" aria-label={progressChangeLabel(delta.progressBefore, delta.progressAfter)}>
              {' '}
              progress {progressChangeText(delta.progressBefore, delta.progressAfter)}
            </span>
          )}
          {confident && (
            <span className="delta" aria-label={confidenceChangeLabel(delta.confidenceBefore, delta.confidenceAfter)}>
              {moved ? ',' : ''} confidence {confidenceChangeText(delta.confidenceBefore, delta.confidenceAfter)}
            </span>
          )}
          {fields.length > 0 && <span className="minutes-item__meta">{moved || confident ? ',' : ''} edited {fields.join(', ')}</span>}
        </>
      )
    }
    default:
      return unreachable(delta.change, 'change kind')
  }
}
