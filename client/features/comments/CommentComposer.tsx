/**
 * @module The comment box: a textarea whose `@` opens a people picker (a combobox over a listbox:
 * arrows move, Enter or Tab picks, Escape closes, typing filters). Picked people are stored as
 * `@[personId]`; Ctrl/Cmd+Enter sends.
 */
import { useId, useMemo, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { Person, PersonId } from '../../../shared/model/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { Button } from '../../ui/Button.tsx'
import { matchPeople, mentionQuery, toDisplay, toStored } from './mentionText.ts'

interface ComposerProps {
  readonly label: string
  readonly submitLabel: string
  /** A stored body to start from (editing). */
  readonly initial?: string
  readonly placeholder?: string
  readonly autoFocus?: boolean
  /** Sends the stored body; true when it was accepted (the box then empties). */
  onSubmit(body: string): boolean
  onCancel?(): void
}

export function CommentComposer({ label, submitLabel, initial = '', placeholder, autoFocus, onSubmit, onCancel }: ComposerProps) {
  const people = useSnapshot((s) => s.people)
  // The box starts from the body as it was when opened; a later rename does not rewrite what I type.
  const [start] = useState(() => toDisplay(initial, (id) => people.get(id)?.name))
  const [text, setText] = useState(start.text)
  const picked = useRef(start.picked)
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null)
  const [active, setActive] = useState(0)
  const box = useRef<HTMLTextAreaElement>(null)
  const id = useId()
  const listId = `${id}-people`
  const sorted = useMemo(() => [...people.values()].sort((a, b) => a.name.localeCompare(b.name)), [people])
  const options = query === null ? [] : matchPeople(sorted, query.query)
  const open = options.length > 0

  // The @ of a mention just picked or dismissed: its text after the pick still reads as a query.
  const dismissed = useRef<number | null>(null)
  const follow = (value: string, caret: number) => {
    let q = mentionQuery(value, caret)
    if (q !== null && q.start === dismissed.current) q = null
    else dismissed.current = null
    setQuery(q)
    if (q?.query !== query?.query) setActive(0)
  }
  const pick = (person: Person) => {
    if (query === null || box.current === null) return
    const caret = box.current.selectionStart
    const next = `${text.slice(0, query.start)}@${person.name} ${text.slice(caret)}`
    ;(picked.current as Map<string, PersonId>).set(person.name, person.id)
    dismissed.current = query.start
    setText(next)
    setQuery(null)
    const at = query.start + person.name.length + 2
    requestAnimationFrame(() => box.current?.setSelectionRange(at, at))
  }
  const send = () => {
    if (text.trim() === '') return
    if (onSubmit(toStored(text, picked.current))) {
      setText('')
      picked.current = new Map()
    }
  }
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault()
        setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length)
        return
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault()
        pick(options[Math.min(active, options.length - 1)]!)
        return
      }
      if (e.key === 'Escape') {
        // Closes the list only, not the panel or dialog around the box.
        e.preventDefault()
        e.stopPropagation()
        dismissed.current = query?.start ?? null
        setQuery(null)
        return
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      send()
    } else if (e.key === 'Escape' && onCancel !== undefined) {
      e.stopPropagation()
      onCancel()
    }
  }

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault()
        send()
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <div className="composer__box">
        <textarea
          ref={box}
          id={id}
          className="textarea"
          rows={2}
          value={text}
          placeholder={placeholder ?? 'Add a comment… (@ to mention)'}
          autoFocus={autoFocus}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${Math.min(active, options.length - 1)}` : undefined}
          onChange={(e) => {
            setText(e.target.value)
            follow(e.target.value, e.target.selectionStart)
          }}
          onSelect={(e) => follow(e.currentTarget.value, e.currentTarget.selectionStart)}
          onBlur={() => setQuery(null)}
          onKeyDown={onKeyDown}
        />
        {open && (
          <ul id={listId} role="listbox" className="composer__people" aria-label="People to mention">
            {options.map((p, i) => (
              <li
                key={p.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className="composer__person"
                // mousedown, not click: the box keeps its focus and caret.
                onMouseDown={(e) => {
                  e.preventDefault()
                  pick(p)
                }}
              >
                {p.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="composer__actions">
        <Button type="submit" size="sm" variant="primary" disabled={text.trim() === ''}>
          {submitLabel}
        </Button>
        {onCancel !== undefined && (
          <Button size="sm" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  )
}
