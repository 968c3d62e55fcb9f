/** @module Writes a new string into a Y.Text as the smallest edit, so concurrent typing merges. */
import * as Y from 'yjs'

/**
 * Replaces the content of `text` with `next` by deleting and inserting only the middle part that
 * differs. Two people typing in different places of the same title both keep their characters.
 */
export function applyTextEdit(text: Y.Text, next: string): void {
  const current = text.toString()
  if (current === next) return
  let prefix = 0
  const maxPrefix = Math.min(current.length, next.length)
  while (prefix < maxPrefix && current.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++
  let suffix = 0
  const maxSuffix = maxPrefix - prefix
  while (
    suffix < maxSuffix &&
    current.charCodeAt(current.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)
  ) {
    suffix++
  }
  // Never split a surrogate pair: widen the edit to whole code points.
  if (prefix > 0 && isHighSurrogate(current.charCodeAt(prefix - 1))) prefix--
  if (suffix > 0 && isLowSurrogate(current.charCodeAt(current.length - suffix))) suffix--
  const removed = current.length - prefix - suffix
  if (removed > 0) text.delete(prefix, removed)
  const inserted = next.slice(prefix, next.length - suffix)
  if (inserted.length > 0) text.insert(prefix, inserted)
}

/** Sets a co-typed field, creating the Y.Text if a peer left something else there. */
export function setTextField(record: Y.Map<unknown>, key: string, next: string): void {
  const current = record.get(key)
  if (current instanceof Y.Text) applyTextEdit(current, next)
  else record.set(key, new Y.Text(next))
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
