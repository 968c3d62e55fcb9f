/**
 * @module One key result's change: "Activation rate progress 30% → 45%, confidence 6 → 7, score
 * 0.50 → 0.70", added or removed. Under an agenda item about that one KR the title is left out.
 */
import { ChangeKind } from '../../../shared/rules/index.ts'
import type { KeyResultDelta } from '../../../shared/rules/index.ts'
import { confidenceText, progressText, scoreText } from '../../format/changesText.ts'
import { FIELD_LABEL } from '../../format/labels.ts'
import { unreachable } from '../../../shared/model/index.ts'

export function KeyResultDeltaLine({ delta, titled = true }: { delta: KeyResultDelta; titled?: boolean }) {
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
      const parts: Array<{ key: string; name: string; change?: readonly [string, string] }> = []
      if (moved) parts.push({ key: 'p', name: 'progress', change: [progressText(delta.progressBefore), progressText(delta.progressAfter)] })
      if (confident) parts.push({ key: 'c', name: 'confidence', change: [confidenceText(delta.confidenceBefore), confidenceText(delta.confidenceAfter)] })
      if (delta.scoreBefore !== delta.scoreAfter) parts.push({ key: 's', name: 'score', change: [scoreText(delta.scoreBefore), scoreText(delta.scoreAfter)] })
      if (fields.length > 0) parts.push({ key: 'f', name: `edited ${fields.join(', ')}` })
      if (parts.length === 0) parts.push({ key: 'n', name: 'unchanged' })
      return (
        <>
          {titled && <strong>{delta.title} </strong>}
          {parts.map((part, i) => (
            <span key={part.key} className="delta">
              {i > 0 && ', '}
              {i === 0 && !titled ? part.name[0]!.toUpperCase() + part.name.slice(1) : part.name}
              {part.change && <Arrow from={part.change[0]} to={part.change[1]} />}
            </span>
          ))}
        </>
      )
    }
    default:
      return unreachable(delta.change, 'change kind')
  }
}

/** " 30% → 45%": the arrow is for the eye; a screen reader hears "30% to 45%". */
function Arrow({ from, to }: { from: string; to: string }) {
  return (
    <>
      {' '}
      {from}
      <span aria-hidden="true"> → </span>
      <span className="visually-hidden"> to </span>
      {to}
    </>
  )
}
