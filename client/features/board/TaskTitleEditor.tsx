/**
 * @module Inline title editing on a card, co-typed: each keystroke is shared as it is made (one
 * insert or delete at the caret, client/sync/bindTextInput), so two people renaming the same card
 * both keep their characters. Enter, Escape or leaving the field ends editing. Pointer and key
 * events stop here so typing and selecting never start a drag.
 */
import { useLayoutEffect, useMemo, useRef } from 'react'
import { bindText, textLimit } from '../../../shared/doc/index.ts'
import type { TextField } from '../../../shared/doc/index.ts'
import type { Task } from '../../../shared/model/index.ts'
import { bindTextInput } from '../../sync/bindTextInput.ts'
import { useBoard } from './BoardContext.ts'

export function TaskTitleEditor({ task, onDone }: { task: Task; onDone: (refocus: boolean) => void }) {
  const { ws, report } = useBoard()
  const ref = useRef<HTMLInputElement | null>(null)
  const finished = useRef(false)
  // A card needs a title: one left blank gets back the title it had when editing began.
  const before = useRef(task.title)
  const field = useMemo<TextField>(() => ({ record: 'task', id: task.id, key: 'title' }), [task.id])
  const binding = useMemo(() => bindText(ws.session, field), [ws.session, field])
  useLayoutEffect(() => {
    const el = ref.current
    if (el === null) return
    const unbind = bindTextInput(el, binding, { singleLine: true, onResult: (err) => err !== null && report(err) })
    el.focus()
    el.select()
    return unbind
  }, [binding, report])
  const finish = (refocus: boolean) => {
    if (finished.current) return
    finished.current = true
    const text = binding.read()
    if (text.trim() === '' && before.current.trim() !== '') {
      try {
        binding.edit({ index: 0, remove: text.length, insert: before.current })
      } catch (err) {
        report(err)
      }
    }
    onDone(refocus)
  }
  return (
    <input
      ref={ref}
      className="card__title-input"
      aria-label="Task title"
      maxLength={textLimit(field)}
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Enter' || e.key === 'Escape') finish(true)
      }}
      onBlur={() => finish(false)}
    />
  )
}
