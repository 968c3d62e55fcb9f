/**
 * @module End-of-cycle scoring of a key result (review meeting): the owner's self score and the
 * lead's score, 0 to 1; the lead's counts when both are given. Offered once the cycle is published.
 */
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { scoreKeyResult } from '../../../shared/doc/index.ts'
import type { KeyResultId } from '../../../shared/model/index.ts'
import type { KeyResultScore } from '../../../shared/rules/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Button } from '../../ui/Button.tsx'
import { TextField } from '../../ui/Field.tsx'
import { useCommand } from '../../app/index.ts'
import { ScoreBadge } from '../okr/index.ts'

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n))
const read = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')))

export function ScoreForm({ keyResultId, score }: { keyResultId: KeyResultId; score: KeyResultScore }) {
  const { canEdit } = useWorkspace()
  const saved = useSnapshot((s) => s.scores.get(keyResultId))
  const { run, error } = useCommand()
  const [self, setSelf] = useState(text(saved?.selfScore))
  const [lead, setLead] = useState(text(saved?.leadScore))
  const [note, setNote] = useState(saved?.note ?? '')
  const [local, setLocal] = useState<string | null>(null)
  const formId = useId()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const [s, l] = [read(self), read(lead)]
    if ((s !== null && !Number.isFinite(s)) || (l !== null && !Number.isFinite(l))) return setLocal('Scores are numbers from 0 to 1, e.g. 0.7.')
    setLocal(null)
    run((session) => scoreKeyResult(session, { keyResultId, selfScore: s, leadScore: l, note }))
  }
  const from = score.source === 'progress' ? 'from progress, until scored' : score.source === 'lead' ? "the lead's score" : 'the self score'
  return (
    <form className="scores" id={formId} onSubmit={submit}>
      <p className="scores__now">
        <ScoreBadge score={score.score} source={score.source} /> <span className="scores__from">{from}</span>
      </p>
      {canEdit && (
        <>
          <div className="scores__row">
            <TextField label="Self score (0–1)" inputMode="decimal" value={self} onChange={(e) => setSelf(e.target.value)} placeholder="0.7" />
            <TextField label="Lead score (0–1)" inputMode="decimal" value={lead} onChange={(e) => setLead(e.target.value)} placeholder="0.6" />
          </div>
          <TextField label="Lesson learned" value={note} onChange={(e) => setNote(e.target.value)} placeholder="What would we do differently?" />
          {(local ?? error) && <p className="form-error" role="alert">{local ?? error}</p>}
          <Button type="submit" size="sm">Save scores</Button>
        </>
      )}
    </form>
  )
}
