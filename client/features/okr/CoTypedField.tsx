/**
 * @module A text field several people type into at once. Each keystroke sends the whole new text
 * (shared/doc merges it character by character); remote edits keep my caret where it was; who
 * else is typing here shows under the field in their colour.
 */
import { useLayoutEffect, useRef, useState } from 'react'
import type { ChangeEvent } from 'react'
import { useFieldPresence } from './useFieldPresence.ts'

export interface CoTypedFieldProps {
  /** Presence key, e.g. `objective:<id>:title`. */
  readonly target: string
  readonly value: string
  /** The accessible name ("Title of Grow revenue"). */
  readonly label: string
  readonly multiline?: boolean
  readonly disabled?: boolean
  readonly placeholder?: string
  readonly className?: string
  /** Sends the full new text; returns an error message when the command refused it. */
  readonly onChange: (next: string) => string | null
}

type Editable = HTMLTextAreaElement

export function CoTypedField({ target, value, label, multiline, disabled, placeholder, className = '', onChange }: CoTypedFieldProps) {
  const { others, onFocus, onBlur } = useFieldPresence(target)
  // What I typed, when the document holds something else: a refused text (an emptied title), or
  // a title whose trailing space the command trimmed (else a space could never be typed at the end).
  // It shows while the document still holds `base`; any other change, mine or remote, wins.
  const [draft, setDraft] = useState<{ text: string; error: string | null; base: string } | null>(null)
  const ref = useRef<Editable | null>(null)
  const local = draft !== null && draft.base === value ? draft : null
  const shown = local?.text ?? value
  const typed = useRef<string | null>(null)
  useKeepCaret(ref, shown, typed)

  const change = (e: ChangeEvent<Editable>) => {
    // A title is one line even though it wraps on screen: a pasted line break becomes a space.
    const next = multiline ? e.target.value : e.target.value.replace(/\r?\n/g, ' ')
    typed.current = next
    const error = onChange(next)
    if (error !== null) setDraft({ text: next, error, base: value })
    else setDraft(next.trim() === next ? null : { text: next, error: null, base: next.trim() })
  }
  const props = {
    ref,
    value: shown,
    'aria-label': label,
    'aria-invalid': local?.error ? true : undefined,
    disabled,
    placeholder,
    className: `cotype__input ${className}`,
    onChange: change,
    onFocus,
    onBlur: () => {
      onBlur()
      setDraft(null)
    },
  }
  return (
    <div className={`cotype${others.length > 0 ? ' cotype--shared' : ''}`} style={others[0] ? { ['--peer' as string]: others[0].user.color } : undefined}>
      {/* A textarea even for one-line titles, so a long title wraps instead of scrolling away. */}
      <textarea rows={1} {...props} onKeyDown={multiline ? undefined : (e) => e.key === 'Enter' && e.preventDefault()} />
      {others.length > 0 && (
        <span className="cotype__peers" aria-live="polite">
          {others.map((p) => (
            <span key={p.clientId} className="cotype__peer" style={{ background: p.user.color }}>
              {p.user.name}
            </span>
          ))}
          <span className="cotype__typing">{others.length === 1 ? 'is typing' : 'are typing'}</span>
        </span>
      )}
      {local?.error && (
        <span className="cotype__error" role="alert">
          {local.error}
        </span>
      )}
    </div>
  )
}

/**
 * When someone else's edit changes the text under my caret, move the caret with the text around
 * it instead of letting the browser jump it to the end. `typed` is my own last text: my own
 * keystrokes already put the caret where it belongs.
 */
function useKeepCaret(ref: { current: Editable | null }, text: string, typed: { current: string | null }): void {
  const before = useRef(text)
  const caret = useRef({ start: 0, end: 0 })
  useLayoutEffect(() => {
    const el = ref.current
    const old = before.current
    before.current = text
    if (!el || old === text || text === typed.current || document.activeElement !== el) return
    let prefix = 0
    while (prefix < old.length && prefix < text.length && old[prefix] === text[prefix]) prefix++
    const move = (pos: number) => (pos <= prefix ? pos : Math.min(text.length, Math.max(prefix, pos + text.length - old.length)))
    el.setSelectionRange(move(caret.current.start), move(caret.current.end))
  }, [ref, text, typed])
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const remember = () => void (caret.current = { start: el.selectionStart ?? 0, end: el.selectionEnd ?? 0 })
    const events = ['select', 'keyup', 'mouseup', 'input', 'focus'] as const
    for (const name of events) el.addEventListener(name, remember)
    return () => {
      for (const name of events) el.removeEventListener(name, remember)
    }
  }, [ref])
}
