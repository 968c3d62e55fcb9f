/**
 * @module A review's KR item: the KR's score live with its band (the lead's counts, else the
 * owner's self score, else progress), the owner's self score and the facilitator's lead score, set
 * from the meeting (on a phone the key-result panel's full form is not beside it).
 */
import { useCallback, useState } from 'react'
import type { FormEvent } from 'react'
import { scoreKeyResult } from '../../../shared/doc/index.ts'
import type { KeyResultId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { keyResultScore } from '../../../shared/rules/index.ts'
import type { KeyResultScore } from '../../../shared/rules/index.ts'
import { useCommand } from '../../app/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Button } from '../../ui/Button.tsx'
import { ScoreBadge } from '../okr/index.ts'
import { readScore } from './readScore.ts'

interface Scored {
  readonly score: KeyResultScore | null
  readonly self: number | null
  readonly lead: number | null
  readonly ownerId: string | null
}

const sameScored = (a: Scored, b: Scored) => a.self === b.self && a.lead === b.lead && a.ownerId === b.ownerId && a.score?.score === b.score?.score && a.score?.source === b.score?.source

const FROM = { lead: "the lead's score", self: 'the self score', progress: 'from progress, until scored' } as const

export function KeyResultScoring({ keyResultId, facilitating }: { keyResultId: KeyResultId; facilitating: boolean }) {
  const { canEdit, identity } = useWorkspace()
  const select = useCallback((snap: WorkspaceSnapshot): Scored => {
    const kr = snap.keyResults.get(keyResultId)
    const saved = snap.scores.get(keyResultId)
    return { score: kr ? keyResultScore(snap, kr) : null, self: saved?.selfScore ?? null, lead: saved?.leadScore ?? null, ownerId: kr?.ownerId ?? null }
  }, [keyResultId])
  const scored = useSnapshot(select, sameScored)
  const owner = canEdit && scored.ownerId !== null && scored.ownerId === identity.personId
  if (scored.score === null) return null
  return (
    <section className="meeting-review" aria-label="Key result score">
      <h3 className="meeting-panel__heading">Score</h3>
      <p className="meeting-review__score">
        <ScoreBadge score={scored.score.score} source={scored.score.source} /> <span className="meeting-review__from">{FROM[scored.score.source]}</span>
      </p>
      <div className="meeting-review__scores">
        <ScoreInput keyResultId={keyResultId} which="self" label="Self score" hint="the KR's owner" saved={scored.self} editable={owner} none={scored.ownerId === null ? 'not given: the key result has no owner' : 'not given'} />
        <ScoreInput keyResultId={keyResultId} which="lead" label="Lead score" hint="set by the facilitator" saved={scored.lead} editable={canEdit && facilitating} none="not given" />
      </div>
    </section>
  )
}

interface ScoreInputProps {
  readonly keyResultId: KeyResultId
  readonly which: 'self' | 'lead'
  readonly label: string
  readonly hint: string
  readonly saved: number | null
  readonly editable: boolean
  /** What a score not given reads as, for those who cannot give it. */
  readonly none: string
}

function ScoreInput({ keyResultId, which, label, hint, saved, editable, none }: ScoreInputProps) {
  const { run, error } = useCommand()
  const [text, setText] = useState<string | null>(null)
  const shown = text ?? (saved === null ? '' : String(saved))
  const typed = readScore(shown)
  if (!editable) {
    return (
      <div className="meeting-review__slot">
        <span className="meeting-review__label">{label}</span>
        {saved === null ? <span className="meeting-review__none">{none}</span> : <ScoreBadge score={saved} />}
      </div>
    )
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (typed === 'invalid') return
    const field = which === 'self' ? { selfScore: typed } : { leadScore: typed }
    if (run((s) => scoreKeyResult(s, { keyResultId, ...field }))) setText(null)
  }
  return (
    <form className="meeting-review__slot" onSubmit={submit} aria-label={label}>
      <label className="meeting-review__label" htmlFor={`score-${which}-${keyResultId}`}>
        {label} <span className="meeting-review__from">({hint}, 0–1)</span>
      </label>
      <div className="meeting-review__input-row">
        <input
          id={`score-${which}-${keyResultId}`}
          className="input meeting-review__input"
          inputMode="decimal"
          placeholder="0.7"
          value={shown}
          aria-invalid={typed === 'invalid'}
          onChange={(e) => setText(e.target.value)}
        />
        {typed !== 'invalid' && typed !== null && <ScoreBadge score={typed} />}
        <Button size="sm" type="submit" disabled={typed === 'invalid' || text === null}>
          Set
        </Button>
      </div>
      {typed === 'invalid' && <p className="meeting-panel__error">A score is a number from 0 to 1, e.g. 0.7.</p>}
      {error !== null && (
        <p className="meeting-panel__error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
