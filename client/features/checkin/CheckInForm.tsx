/**
 * @module The weekly check-in of a key result: its current value, the confidence (0-10) of reaching
 * the target, and a note. Right after it, the form shows the new progress. `CheckInDialog` wraps
 * the same form for use from anywhere (the board's "Check in" button opens the KR panel instead,
 * where this form gets the focus).
 */
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { checkIn } from '../../../shared/doc/index.ts'
import { KeyResultKind } from '../../../shared/model/index.ts'
import type { KeyResultId } from '../../../shared/model/index.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Button } from '../../ui/Button.tsx'
import { Dialog } from '../../ui/Dialog.tsx'
import { TextArea } from '../../ui/Field.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { describeError } from '../../format/describeError.ts'
import { pct, withUnit } from '../../format/numbers.ts'
import { ConfidencePicker } from './ConfidencePicker.tsx'
import { useCheckInTarget } from './useCheckInTarget.ts'
import './checkin.css'

export interface CheckInFormProps {
  readonly keyResultId: KeyResultId
  /** Put the caret in the value field on mount ("two clicks from the board"). */
  readonly autoFocus?: boolean
}

/** Reads "1,5" and " 42 " as numbers; anything else is null. */
function readNumber(text: string): number | null {
  const n = Number(text.trim().replace(',', '.'))
  return text.trim() === '' || !Number.isFinite(n) ? null : n
}

export function CheckInForm({ keyResultId, autoFocus }: CheckInFormProps) {
  const { session, canEdit } = useWorkspace()
  const target = useCheckInTarget(keyResultId)
  const valueId = useId()
  const binary = target?.kind === KeyResultKind.Milestone || target?.kind === KeyResultKind.Baseline
  const tasks = target?.kind === KeyResultKind.TaskDriven
  const [value, setValue] = useState(() => {
    const last = target?.lastValue ?? null
    if (binary) return last !== null && last >= 1 ? '1' : '0'
    return last === null ? '' : String(last)
  })
  const [confidence, setConfidence] = useState(() => target?.lastConfidence ?? 5)
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<{ before: number } | null>(null)
  if (target === null || !canEdit) return null

  const submit = (e: FormEvent) => {
    e.preventDefault()
    // A task-driven KR's progress comes from its cards; its check-in records the count and confidence.
    const n = tasks ? target.progress.tasksDone : readNumber(value)
    if (n === null) return setError('Enter the current value as a number, e.g. 42 or 4.5.')
    try {
      const before = target.progress.progress
      checkIn(session, { keyResultId, value: n, confidence, note })
      setError(null)
      setNote('')
      setDone({ before })
    } catch (err) {
      setError(describeError(err))
    }
  }
  const current = target.progress.current
  if (target.closedNote !== null) {
    return (
      <p className="checkin__closed" role="note">
        <strong>{target.closedNote}.</strong> Check-ins ended with the cycle, so its progress stays as it was at the
        close; give the key result its final score instead. An owner can reopen the cycle, saying why.
      </p>
    )
  }
  return (
    <form className="checkin" onSubmit={submit} aria-label={`Check in: ${target.title}`} noValidate>
      {binary ? (
        <fieldset className="checkin__binary">
          <legend>Status</legend>
          {[['0', 'Not yet'], ['1', 'Achieved']].map(([v, label]) => (
            <label key={v} className="checkin__choice">
              <input type="radio" name={`${valueId}-done`} value={v} checked={value === v} onChange={() => setValue(v as string)} autoFocus={autoFocus && v === '0'} />
              {label}
            </label>
          ))}
        </fieldset>
      ) : tasks ? (
        <p className="checkin__tasks">Progress comes from its cards: {target.progress.tasksDone} of {target.progress.tasksTotal} done. Check in your confidence.</p>
      ) : (
        <div className="field">
          <label className="field__label" htmlFor={valueId}>Current value{target.unit ? ` (${target.unit})` : ''}</label>
          <input id={valueId} className="input checkin__value" inputMode="decimal" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={error ? true : undefined} autoFocus={autoFocus} />
          {current !== null && <span className="field__hint">Last check-in: {withUnit(current, target.unit)}</span>}
        </div>
      )}
      <ConfidencePicker value={confidence} onChange={setConfidence} />
      <TextArea label="Note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder="What moved it, what is in the way?" />
      {error && <p className="checkin__error" role="alert">{error}</p>}
      <div className="checkin__actions">
        <Button variant="primary" type="submit">
          <Icon name="check" size={14} /> Check in
        </Button>
        <span className="checkin__result" role="status">
          {done && `Checked in. Progress ${pct(done.before)} → ${pct(target.progress.progress)}`}
        </span>
      </div>
    </form>
  )
}

/** The check-in form in a modal dialog. */
export function CheckInDialog({ keyResultId, open, onClose }: { keyResultId: KeyResultId; open: boolean; onClose: () => void }) {
  const target = useCheckInTarget(keyResultId)
  return (
    <Dialog title={`Check in: ${target?.title ?? 'key result'}`} open={open} onClose={onClose}>
      <CheckInForm keyResultId={keyResultId} autoFocus />
    </Dialog>
  )
}
