/**
 * @module Keeps a textarea or input in step with one co-typed field of the shared document. The
 * element is uncontrolled: a remote edit is written into it at once (before the next keystroke can
 * be read against a stale value) with the caret carried by relative positions, and each local
 * input becomes the one insert/delete it was, at the caret. Nothing is written mid-composition.
 */
import type { TextAnchor, TextBinding, TextEdit } from '../../shared/doc/index.ts'

export type TextInput = HTMLTextAreaElement | HTMLInputElement

export interface BindTextInputOptions {
  /** Titles are one line: a pasted or typed line break becomes a space. */
  readonly singleLine: boolean
  /** After each local edit: null when it was applied, else why it was refused. */
  readonly onResult: (error: unknown) => void
  /** After any change of the text, local or remote. */
  readonly onText?: (text: string) => void
}

interface Selection {
  readonly start: TextAnchor
  readonly end: TextAnchor
  readonly direction: 'forward' | 'backward' | 'none'
}

/** Binds `el` to `binding` until the returned function is called. */
export function bindTextInput(el: TextInput, binding: TextBinding, options: BindTextInputOptions): () => void {
  const doc = el.ownerDocument
  // What the element shows and the document holds between two events (except mid-composition).
  let shown = binding.read()
  el.value = shown
  let selection: Selection | null = null
  let composition: { readonly before: string; readonly start: number; readonly end: number; readonly at: Selection } | null = null

  const focused = () => doc.activeElement === el
  const remember = () => {
    if (composition !== null || el.value !== shown) return
    const start = el.selectionStart ?? 0
    const end = el.selectionEnd ?? start
    // A collapsed caret sticks to what I just typed; a selection keeps what it covers.
    selection = {
      start: binding.anchor(start, start === end ? -1 : 0),
      end: binding.anchor(end, -1),
      direction: el.selectionDirection ?? 'none',
    }
  }
  const place = (start: number, end = start, direction: Selection['direction'] = 'none') => {
    if (focused()) el.setSelectionRange(start, end, direction)
  }
  /** Shows the document's text; `caret` says where the caret goes, else the anchors say. */
  const refresh = (caret?: number) => {
    const text = binding.read()
    const changed = text !== el.value
    shown = text
    if (changed) el.value = text
    if (caret !== undefined) place(Math.min(caret, text.length))
    else if (changed && selection !== null) {
      const start = binding.resolve(selection.start) ?? Math.min(el.selectionStart ?? 0, text.length)
      const end = binding.resolve(selection.end) ?? start
      place(start, Math.max(start, end), selection.direction)
    }
    options.onText?.(text)
    remember()
  }
  const apply = (edit: TextEdit) => {
    try {
      binding.edit(edit)
      options.onResult(null)
      refresh(edit.index + edit.insert.length)
    } catch (err) {
      options.onResult(err)
      refresh(edit.index)
    }
  }
  const clean = (text: string) => (options.singleLine ? text.replace(/\r?\n/g, ' ') : text)

  const onInput = (e: Event) => {
    if (composition !== null || (e as InputEvent).isComposing) return
    const edit = diffAtCaret(shown, el.value, el.selectionEnd ?? el.value.length)
    if (edit === null) return
    apply({ ...edit, insert: clean(edit.insert) })
  }
  const onCompositionStart = () => {
    remember()
    if (selection === null) return
    composition = { before: shown, start: el.selectionStart ?? 0, end: el.selectionEnd ?? 0, at: selection }
  }
  const onCompositionEnd = () => {
    const c = composition
    composition = null
    if (c === null) return
    // The composed text replaced the selection the composition started on; put it where that
    // selection is now, whatever arrived from others meanwhile.
    const typed = el.value.slice(c.start, el.value.length - (c.before.length - c.end))
    const start = binding.resolve(c.at.start) ?? c.start
    const end = Math.max(start, binding.resolve(c.at.end) ?? c.end)
    if (typed === '' && start === end) return refresh()
    apply({ index: start, remove: end - start, insert: clean(typed) })
  }
  const onSelectionChange = () => {
    if (focused()) remember()
  }
  const onKeyDown = (e: Event) => {
    if (options.singleLine && (e as KeyboardEvent).key === 'Enter') e.preventDefault()
  }

  const unsubscribe = binding.subscribe(() => {
    // Mid-composition the element belongs to the input method; the end catches up.
    if (composition === null && binding.read() !== shown) refresh()
  })
  const listeners: Array<[string, (e: Event) => void]> = [
    ['input', onInput],
    ['compositionstart', onCompositionStart],
    ['compositionend', onCompositionEnd],
    ['keydown', onKeyDown],
    ['keyup', onSelectionChange],
    ['mouseup', onSelectionChange],
    ['select', onSelectionChange],
    ['focus', onSelectionChange],
    // Chromium fires selectionchange at text controls themselves; others only at the document.
    ['selectionchange', onSelectionChange],
  ]
  for (const [name, fn] of listeners) el.addEventListener(name, fn)
  doc.addEventListener('selectionchange', onSelectionChange)
  return () => {
    unsubscribe()
    for (const [name, fn] of listeners) el.removeEventListener(name, fn)
    doc.removeEventListener('selectionchange', onSelectionChange)
  }
}

/**
 * The one edit that turns `before` into `after`, given where the caret ended (`caret` in `after`).
 * Typing, deleting and pasting leave the caret at the end of what changed, so the unchanged tail
 * is at most what follows the caret: that settles repeated characters ("a|a" + "a") at the caret
 * rather than wherever a plain common-prefix scan would put them.
 */
export function diffAtCaret(before: string, after: string, caret: number): TextEdit | null {
  if (before === after) return null
  let suffix = 0
  const maxSuffix = Math.min(before.length, after.length - Math.min(caret, after.length))
  while (suffix < maxSuffix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++
  let prefix = 0
  const maxPrefix = Math.min(before.length, after.length) - suffix
  while (prefix < maxPrefix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  // Never split a surrogate pair: widen the edit to whole code points.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--
  return { index: prefix, remove: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
