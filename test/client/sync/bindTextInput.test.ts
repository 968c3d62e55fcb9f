// @vitest-environment jsdom
/**
 * @module Co-typing through bindTextInput: remote inserts and deletes land between local
 * keystrokes (spaces included, at both ends and in the middle); the text stays whole on both
 * replicas and the caret stays where its person left it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bindText, createCycle, createObjective, editText, openSession, publishCycle, snapshot } from '../../../shared/doc/index.ts'
import type { Session, TextField } from '../../../shared/doc/index.ts'
import type { CycleId, ObjectiveId } from '../../../shared/model/index.ts'
import { bindTextInput, diffAtCaret } from '../../../client/sync/bindTextInput.ts'
import { seededRandom } from '../../helpers/random.ts'

const TITLE: TextField = { record: 'objective', id: 'o1' as ObjectiveId, key: 'title' }

interface Pair {
  readonly mine: Session
  readonly theirs: Session
  readonly el: HTMLTextAreaElement
  readonly results: unknown[]
  /** Sends each replica's news to the other, as the server would. */
  exchange(): void
  unbind(): void
}

let pair: Pair

function setup(title: string, singleLine = true): Pair {
  const a = new Y.Doc()
  const b = new Y.Doc()
  snapshot(a)
  snapshot(b)
  const mine = openSession(a, { now: () => 0 })
  const theirs = openSession(b, { now: () => 0 })
  createCycle(mine, { id: 'cy', name: 'Q1', startDate: '2027-01-01', endDate: '2027-03-31' })
  createObjective(mine, { id: 'o1', cycleId: 'cy', title, level: 'company' })
  const exchange = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  }
  exchange()
  const el = document.createElement('textarea')
  document.body.append(el)
  const results: unknown[] = []
  const unbind = bindTextInput(el, bindText(mine, TITLE), { singleLine, onResult: (err) => results.push(err) })
  el.focus()
  el.setSelectionRange(el.value.length, el.value.length)
  el.dispatchEvent(new Event('select'))
  return { mine, theirs, el, results, exchange, unbind }
}

const textOf = (s: Session) => bindText(s, TITLE).read()

/** What a browser does for one key: replace the selection, put the caret after, fire input. */
function type(el: HTMLTextAreaElement, chars: string): void {
  const { selectionStart: start, selectionEnd: end, value } = el
  el.value = value.slice(0, start) + chars + value.slice(end)
  el.setSelectionRange(start + chars.length, start + chars.length)
  el.dispatchEvent(new Event('input'))
}

function backspace(el: HTMLTextAreaElement): void {
  const { selectionStart: start, selectionEnd: end, value } = el
  const from = start === end ? Math.max(0, start - 1) : start
  el.value = value.slice(0, from) + value.slice(end)
  el.setSelectionRange(from, from)
  el.dispatchEvent(new Event('input'))
}

function moveCaret(el: HTMLTextAreaElement, start: number, end = start): void {
  el.setSelectionRange(start, end)
  el.dispatchEvent(new Event('select'))
}

/** Another person's keystroke, delivered before my next one. */
function remote(p: Pair, index: number, remove: number, insert: string): void {
  editText(p.theirs, TITLE, { index, remove, insert })
  p.exchange()
}

beforeEach(() => {
  pair = setup('Plan together now')
})

afterEach(() => {
  pair.unbind()
  pair.el.remove()
})

describe('bindTextInput', () => {
  it('keeps every space when someone types at the start while I type at the end', () => {
    const mine = ' with the whole team'
    const theirs = 'Let us '
    for (let i = 0; i < mine.length; i++) {
      type(pair.el, mine[i] as string)
      pair.exchange()
      if (i < theirs.length) remote(pair, i, 0, theirs[i] as string)
      expect(pair.el.selectionStart).toBe(pair.el.value.length)
    }
    const want = 'Let us Plan together now with the whole team'
    expect(pair.el.value).toBe(want)
    expect(textOf(pair.mine)).toBe(want)
    expect(textOf(pair.theirs)).toBe(want)
    expect(pair.results.every((r) => r === null)).toBe(true)
  })

  it('keeps a trailing and a leading space in the shared text while typing', () => {
    type(pair.el, ' ')
    expect(textOf(pair.mine)).toBe('Plan together now ')
    moveCaret(pair.el, 0)
    type(pair.el, ' ')
    pair.exchange()
    expect(textOf(pair.theirs)).toBe(' Plan together now ')
    expect(pair.el.selectionStart).toBe(1)
  })

  it('moves my caret with remote inserts and deletes before it and keeps it for ones after', () => {
    moveCaret(pair.el, 5) // "Plan |together now"
    remote(pair, 0, 0, 'We ')
    expect(pair.el.value).toBe('We Plan together now')
    expect(pair.el.selectionStart).toBe(8)
    remote(pair, 0, 3, '')
    expect(pair.el.selectionStart).toBe(5)
    remote(pair, 13, 0, ' right')
    expect(pair.el.value).toBe('Plan together right now')
    expect(pair.el.selectionStart).toBe(5)
    type(pair.el, 'it ')
    pair.exchange()
    expect(textOf(pair.theirs)).toBe('Plan it together right now')
  })

  it('keeps a selection over the same words when text arrives before it', () => {
    moveCaret(pair.el, 5, 13) // "together"
    remote(pair, 0, 0, 'So: ')
    expect(pair.el.value.slice(pair.el.selectionStart, pair.el.selectionEnd)).toBe('together')
    type(pair.el, 'as one')
    pair.exchange()
    expect(textOf(pair.theirs)).toBe('So: Plan as one now')
  })

  it('deletes only my character when a remote delete lands between my keystrokes', () => {
    moveCaret(pair.el, 9) // "Plan toge|ther now"
    remote(pair, 0, 5, '') // "together now", caret now 4
    expect(pair.el.selectionStart).toBe(4)
    backspace(pair.el)
    pair.exchange()
    expect(textOf(pair.theirs)).toBe('togther now')
    expect(pair.el.value).toBe('togther now')
  })

  it('writes nothing mid-composition and places the composed text where its selection went', () => {
    moveCaret(pair.el, 4)
    pair.el.dispatchEvent(new CompositionEvent('compositionstart'))
    pair.el.value = 'Plan ni together now'
    pair.el.setSelectionRange(7, 7)
    pair.el.dispatchEvent(new InputEvent('input', { isComposing: true }))
    expect(textOf(pair.mine)).toBe('Plan together now')
    remote(pair, 0, 0, 'Go: ')
    // The input method still owns the element.
    expect(pair.el.value).toBe('Plan ni together now')
    pair.el.value = 'Plan 日本 together now'
    pair.el.dispatchEvent(new CompositionEvent('compositionend'))
    expect(textOf(pair.mine)).toBe('Go: Plan 日本 together now')
    expect(pair.el.value).toBe('Go: Plan 日本 together now')
    expect(pair.el.selectionStart).toBe(11)
  })

  it('turns a pasted line break into a space in a title', () => {
    moveCaret(pair.el, 17)
    type(pair.el, '\nfor Q1\r\nand Q2')
    expect(textOf(pair.mine)).toBe('Plan together now for Q1 and Q2')
    expect(pair.el.value).toBe('Plan together now for Q1 and Q2')
  })

  it('refuses growing past the limit and shows the shared text again', () => {
    type(pair.el, 'x'.repeat(200))
    expect(pair.results.at(-1)).toBeInstanceOf(Error)
    expect(pair.el.value).toBe('Plan together now')
    expect(textOf(pair.mine)).toBe('Plan together now')
  })

  it('refuses typing in an objective once the cycle is published, and shows the shared text again', () => {
    publishCycle(pair.mine, 'cy' as CycleId)
    type(pair.el, '!')
    expect(pair.results.at(-1)).toBeInstanceOf(Error)
    expect(pair.el.value).toBe('Plan together now')
  })

  it('stays whole over 400 seeded rounds of my keystrokes and remote edits', () => {
    const random = seededRandom(12)
    const alphabet = 'ab  cd e'
    let expected = pair.el.value
    let caret = expected.length
    for (let round = 0; round < 400; round++) {
      if (random.bool(0.5)) {
        // Backspace more often near the title limit, so the text stays under it.
        if (caret > 0 && random.bool(expected.length > 180 ? 0.7 : 0.2)) {
          backspace(pair.el)
          expected = expected.slice(0, caret - 1) + expected.slice(caret)
          caret--
        } else {
          const ch = random.pick([...alphabet])
          type(pair.el, ch)
          expected = expected.slice(0, caret) + ch + expected.slice(caret)
          caret++
        }
        pair.exchange()
      } else if (random.bool(0.3)) {
        caret = random.int(expected.length + 1)
        moveCaret(pair.el, caret)
      } else {
        const index = random.int(expected.length + 1)
        const remove = random.bool(0.3) ? Math.min(random.int(3), expected.length - index) : 0
        const insert = remove > 0 && random.bool() ? '' : random.pick([' ', 'x', 'y z', '  '])
        if (expected.length + insert.length - remove > 190) continue
        remote(pair, index, remove, insert)
        expected = expected.slice(0, index) + insert + expected.slice(index + remove)
        // A caret sticks to the character before it; inside a deleted span it lands at its start.
        if (index < caret) caret = index + remove <= caret ? caret - remove + insert.length : index
      }
      expect(pair.el.value).toBe(expected)
      expect(pair.el.selectionStart).toBe(caret)
    }
    expect(textOf(pair.mine)).toBe(expected)
    expect(textOf(pair.theirs)).toBe(expected)
  })
})

describe('diffAtCaret', () => {
  it('puts a repeated character at the caret, not after the common prefix', () => {
    expect(diffAtCaret('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' })
    expect(diffAtCaret('now  x', 'now   x', 4)).toEqual({ index: 3, remove: 0, insert: ' ' })
  })

  it('reads a paste over a selection as one replacement', () => {
    expect(diffAtCaret('Plan together now', 'Plan as one now', 11)).toEqual({ index: 5, remove: 8, insert: 'as one' })
  })

  it('never splits a surrogate pair', () => {
    expect(diffAtCaret('a😀', 'a😁', 3)).toEqual({ index: 1, remove: 2, insert: '😁' })
  })
})
