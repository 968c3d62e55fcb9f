/**
 * @module A text field several people type into at once. Each keystroke is one insert or delete
 * at the caret in the shared text (client/sync/bindTextInput), remote edits keep my caret where it
 * was, and who else is typing here shows under the field in their colour.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import { bindText, textLimit } from '../../../shared/doc/index.ts'
import type { TextField } from '../../../shared/doc/index.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { avatarColors } from '../../ui/Avatar.tsx'
import { bindTextInput } from '../../sync/bindTextInput.ts'
import { describeError } from '../../format/describeError.ts'
import './cotype.css'
import { useFieldPresence } from './useFieldPresence.ts'

export interface CoTypedFieldProps {
  readonly field: TextField
  /** The accessible name ("Objective title"). */
  readonly label: string
  readonly multiline?: boolean
  readonly disabled?: boolean
  readonly placeholder?: string
  readonly className?: string
}

/** The counter shows from this many characters before the limit. */
const COUNTER_FROM = 20

export function CoTypedField({ field, label, multiline = false, disabled, placeholder, className = '' }: CoTypedFieldProps) {
  const { session } = useWorkspace()
  const { others, onFocus, onBlur } = useFieldPresence(`${field.record}:${field.id}:${field.key}`)
  const ref = useRef<HTMLTextAreaElement | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [length, setLength] = useState(0)
  const [blank, setBlank] = useState(false)
  const limit = textLimit(field)
  const binding = useMemo(() => bindText(session, field), [session, field.record, field.id, field.key])

  useLayoutEffect(() => {
    const el = ref.current
    if (el === null) return
    const track = (text: string) => {
      setLength(text.length)
      setBlank(!multiline && text.trim() === '')
    }
    track(binding.read())
    return bindTextInput(el, binding, {
      singleLine: !multiline,
      onResult: (err) => setError(err === null ? null : describeError(err)),
      onText: track,
    })
  }, [binding, multiline])

  const near = length >= limit - COUNTER_FROM
  const message = error ?? (blank ? 'A title is needed: others see it empty until you type one.' : null)
  return (
    <div className={`cotype${others.length > 0 ? ' cotype--shared' : ''}`} style={others[0] ? { ['--peer' as string]: others[0].user.color } : undefined}>
      {/* A textarea even for one-line titles, so a long title wraps instead of scrolling away.
          Uncontrolled: bindTextInput owns its value. */}
      <textarea
        ref={ref}
        rows={1}
        aria-label={label}
        aria-invalid={message !== null ? true : undefined}
        disabled={disabled}
        placeholder={placeholder}
        maxLength={limit}
        className={`cotype__input ${className}`}
        onFocus={onFocus}
        onBlur={() => {
          onBlur()
          setError(null)
        }}
      />
      {(others.length > 0 || near) && (
        <span className="cotype__foot">
          {others.length > 0 && (
            <span className="cotype__peers" aria-live="polite">
              {others.map((p) => (
                <span key={p.clientId} className="cotype__peer" style={avatarColors(p.user.color)}>
                  {p.user.name}
                </span>
              ))}
              <span className="cotype__typing">{others.length === 1 ? 'is typing' : 'are typing'}</span>
            </span>
          )}
          {near && (
            <span className={`cotype__count${length > limit ? ' cotype__count--over' : ''}`} aria-live="polite">
              {length}/{limit}
            </span>
          )}
        </span>
      )}
      {message !== null && (
        <span className="cotype__error" role="alert">
          {message}
        </span>
      )}
    </div>
  )
}
