/** Mention tokens and the Markdown-lite parse of comment bodies. */
import { describe, expect, it } from 'vitest'
import { commentPlainText, mentionToken, mentionsIn, parseCommentBody, parseInline, safeHref } from '../../../shared/doc/index.ts'
import type { PersonId } from '../../../shared/model/index.ts'

describe('mentions', () => {
  it('a mention is stored as the person id in a token, found once each in order', () => {
    const body = `Hi ${mentionToken('ben')} and ${mentionToken('ada_1')}, ${mentionToken('ben')} again`
    expect(body).toBe('Hi @[ben] and @[ada_1], @[ben] again')
    expect(mentionsIn(body)).toEqual(['ben', 'ada_1'])
  })

  it('ignores what is not a well-formed id token', () => {
    expect(mentionsIn('mail me @ben, or @[], or @[has space], or @[x/y]')).toEqual([])
    expect(mentionsIn(`@[${'a'.repeat(65)}]`)).toEqual([])
  })

  it('reads as names in plain text, so a rename shows everywhere', () => {
    const names = new Map([['ben', 'Ben Ng']])
    const nameOf = (id: PersonId) => names.get(id)
    expect(commentPlainText('ping @[ben] and @[gone]', nameOf)).toBe('ping @Ben Ng and @someone')
    names.set('ben', 'Benjamin')
    expect(commentPlainText('ping @[ben]', nameOf)).toBe('ping @Benjamin')
  })
})

describe('inline markup', () => {
  it('parses bold, code, mentions, links and bare addresses', () => {
    expect(parseInline('a **b** `c` @[ben] [docs](https://x.org/a) see https://y.org/p.')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'bold', children: [{ kind: 'text', text: 'b' }] },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'c' },
      { kind: 'text', text: ' ' },
      { kind: 'mention', personId: 'ben' },
      { kind: 'text', text: ' ' },
      { kind: 'link', href: 'https://x.org/a', children: [{ kind: 'text', text: 'docs' }] },
      { kind: 'text', text: ' see ' },
      { kind: 'link', href: 'https://y.org/p', children: [{ kind: 'text', text: 'https://y.org/p' }] },
      { kind: 'text', text: '.' },
    ])
  })

  it('keeps code literal: no bold or mention inside backticks', () => {
    expect(parseInline('`**x** @[ben]`')).toEqual([{ kind: 'code', text: '**x** @[ben]' }])
  })

  it('makes links only of http(s) and mailto; anything else stays text', () => {
    expect(parseInline('[click](javascript:alert(1))')).toEqual([{ kind: 'text', text: '[click](javascript:alert(1))' }])
    expect(parseInline('[x](data:text/html,hi)')[0]!.kind).toBe('text')
    expect(parseInline('[x](/relative)')[0]!.kind).toBe('text')
    expect(parseInline('[mail](mailto:a@b.org)')).toEqual([{ kind: 'link', href: 'mailto:a@b.org', children: [{ kind: 'text', text: 'mail' }] }])
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeNull()
    expect(safeHref('https://x.org')).toBe('https://x.org/')
  })

  it('leaves markup-like text that is HTML as text (the renderer never parses HTML)', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }])
  })
})

describe('blocks', () => {
  it('splits paragraphs, bullet and numbered lists, and fenced code', () => {
    const body = ['First line', 'second line', '', '- one', '* **two**', '', '1. a', '2. b', '```', 'const x = `y`', '**not bold**', '```', 'after'].join('\n')
    expect(parseCommentBody(body)).toEqual([
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'First line' }], [{ kind: 'text', text: 'second line' }]] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'one' }], [{ kind: 'bold', children: [{ kind: 'text', text: 'two' }] }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'a' }], [{ kind: 'text', text: 'b' }]] },
      { kind: 'code', text: 'const x = `y`\n**not bold**' },
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'after' }]] },
    ])
  })

  it('an unclosed fence runs to the end; empty text has no blocks', () => {
    expect(parseCommentBody('```\ncode')).toEqual([{ kind: 'code', text: 'code' }])
    expect(parseCommentBody('\n\n')).toEqual([])
  })
})
