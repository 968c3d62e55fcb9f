// @vitest-environment jsdom
/** @module Ctrl/Cmd+K from a text field: the field lets go at once, and gets focus back on close. */
import { afterEach, describe, expect, it } from 'vitest'
import { onGlobalKey } from '../../../client/features/palette/KeyboardOverlays.tsx'
import { currentOverlay, releaseFocus, showOverlay, takeTypedAhead } from '../../../client/features/palette/paletteStore.ts'

afterEach(() => {
  showOverlay('none')
  document.body.innerHTML = ''
})

function field(): HTMLTextAreaElement {
  const el = document.createElement('textarea')
  document.body.append(el)
  el.focus()
  return el
}

describe('the palette and the field it was opened from', () => {
  it('blurs a text field on Ctrl+K, so keys typed while the palette loads cannot land in a shared title', () => {
    const title = field()
    onGlobalKey(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, cancelable: true }))
    expect(currentOverlay()).toBe('palette')
    expect(document.activeElement).not.toBe(title)
  })

  it('gives the field its focus back when the palette closes with nothing chosen', () => {
    const title = field()
    onGlobalKey(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, cancelable: true }))
    showOverlay('none')
    releaseFocus()
    expect(document.activeElement).toBe(title)
  })

  it('keeps the keys typed while the palette loads, for its query', () => {
    field()
    const key = (k: string, ctrlKey = false) => onGlobalKey(new KeyboardEvent('keydown', { key: k, ctrlKey, cancelable: true }))
    key('k', true)
    for (const k of 'churn') key(k)
    key('Shift')
    expect(takeTypedAhead()).toBe('churn')
  })

  it('leaves focus where a jump put it', () => {
    field()
    onGlobalKey(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, cancelable: true }))
    const card = document.createElement('button')
    document.body.append(card)
    card.focus()
    releaseFocus()
    expect(document.activeElement).toBe(card)
  })
})
