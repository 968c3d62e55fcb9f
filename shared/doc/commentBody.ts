/**
 * @module A comment's body as stored text and as structure: mentions are `@[personId]` tokens (so
 * a renamed person reads with the new name everywhere), and the rest is Markdown-lite: paragraphs,
 * `-`/`*` and `1.` lists, fenced code, `inline code`, **bold**, [links](https://...) and bare
 * http(s) addresses. The parse yields plain data; renderers build elements from it, never HTML.
 */
import type { PersonId } from '../model/index.ts'

/** One mention in a body: `@[` + a record id + `]`. */
const MENTION = /@\[([A-Za-z0-9_-]{1,64})\]/g

/** The text a mention of `personId` is stored as. */
export function mentionToken(personId: string): string {
  return `@[${personId}]`
}

/** Everyone a body mentions, each once, in the order first mentioned. */
export function mentionsIn(body: string): PersonId[] {
  const found = new Set<string>()
  for (const m of body.matchAll(MENTION)) found.add(m[1]!)
  return [...found] as PersonId[]
}

export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'bold'; readonly children: readonly Inline[] }
  | { readonly kind: 'link'; readonly href: string; readonly children: readonly Inline[] }
  | { readonly kind: 'mention'; readonly personId: PersonId }

export type Block =
  | { readonly kind: 'paragraph'; readonly lines: readonly (readonly Inline[])[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: 'code'; readonly text: string }

const BULLET = /^\s{0,3}[-*]\s+(.*)$/
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/
const FENCE = /^\s{0,3}```/

/** The blocks of a body, in order; any text parses (what is not markup is text). */
export function parseCommentBody(body: string): Block[] {
  const blocks: Block[] = []
  const lines = body.replace(/\r\n?/g, '\n').split('\n')
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (line.trim() === '') {
      i++
    } else if (FENCE.test(line)) {
      const code: string[] = []
      i++
      while (i < lines.length && !FENCE.test(lines[i]!)) code.push(lines[i++]!)
      i++ // the closing fence, or the end of an unclosed block
      blocks.push({ kind: 'code', text: code.join('\n') })
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      const ordered = !BULLET.test(line)
      const pattern = ordered ? NUMBERED : BULLET
      const items: Inline[][] = []
      for (let m = pattern.exec(lines[i] ?? ''); i < lines.length && m !== null; m = pattern.exec(lines[++i] ?? '')) items.push(parseInline(m[1]!))
      blocks.push({ kind: 'list', ordered, items })
    } else {
      const paragraph: Inline[][] = []
      while (i < lines.length && lines[i]!.trim() !== '' && !FENCE.test(lines[i]!) && !BULLET.test(lines[i]!) && !NUMBERED.test(lines[i]!)) paragraph.push(parseInline(lines[i++]!))
      blocks.push({ kind: 'paragraph', lines: paragraph })
    }
  }
  return blocks
}

// Alternatives in priority order: inline code (its content is literal), a mention, bold, a
// [label](address) link, a bare address. Trailing punctuation stays out of a bare address.
const INLINE = /`([^`\n]+)`|@\[([A-Za-z0-9_-]{1,64})\]|\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)|\b((?:https?:\/\/|mailto:)[^\s<>()]*[^\s<>().,;:!?'"])/g

/** Text with inline markup, as a list of pieces; only http(s) and mailto become links. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = []
  let last = 0
  const push = (piece: Inline) => {
    const prev = out[out.length - 1]
    if (piece.kind === 'text' && prev?.kind === 'text') out[out.length - 1] = { kind: 'text', text: prev.text + piece.text }
    else if (piece.kind !== 'text' || piece.text !== '') out.push(piece)
  }
  for (const m of text.matchAll(INLINE)) {
    const at = m.index
    push({ kind: 'text', text: text.slice(last, at) })
    last = at + m[0].length
    if (m[1] !== undefined) push({ kind: 'code', text: m[1] })
    else if (m[2] !== undefined) push({ kind: 'mention', personId: m[2] as PersonId })
    else if (m[3] !== undefined) push({ kind: 'bold', children: parseInline(m[3]) })
    else if (m[4] !== undefined) {
      const href = safeHref(m[5]!)
      if (href === null) push({ kind: 'text', text: m[0] })
      else push({ kind: 'link', href, children: parseInline(m[4]).filter((c) => c.kind !== 'link') })
    } else if (m[6] !== undefined) {
      const href = safeHref(m[6])
      push(href === null ? { kind: 'text', text: m[6] } : { kind: 'link', href, children: [{ kind: 'text', text: m[6] }] })
    }
  }
  push({ kind: 'text', text: text.slice(last) })
  return out
}

/** The address if it is http(s) or mailto and well formed, else null (no javascript:, data:, relative). */
export function safeHref(address: string): string | null {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:') return null
  return url.href
}

/** The body as plain text, mentions as `@Name` (`@someone` for a person since removed). */
export function commentPlainText(body: string, nameOf: (personId: PersonId) => string | undefined): string {
  return body.replace(MENTION, (_, id: string) => `@${nameOf(id as PersonId) ?? 'someone'}`)
}
