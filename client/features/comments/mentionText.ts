/**
 * @module The comment box's text and the stored body, both ways: the box shows `@Ben Ng` for a
 * person picked from the list, the body stores `@[personId]`. Only picked names become tokens, so
 * "@someone" typed by hand stays text.
 */
import { mentionToken } from '../../../shared/doc/index.ts'
import type { PersonId } from '../../../shared/model/index.ts'

/** Display name -> person id, for the people picked in one box. */
export type Picked = ReadonlyMap<string, PersonId>

/** The box's text as a body: each `@Name` of a picked person becomes their token (longest names first). */
export function toStored(text: string, picked: Picked): string {
  const names = [...picked.keys()].sort((a, b) => b.length - a.length)
  if (names.length === 0) return text
  const pattern = new RegExp(`@(${names.map(escapeRegExp).join('|')})`, 'g')
  return text.replace(pattern, (_, name: string) => mentionToken(picked.get(name)!))
}

/** A stored body as the box's text, and the people it mentions by the names shown. */
export function toDisplay(body: string, nameOf: (id: PersonId) => string | undefined): { text: string; picked: Map<string, PersonId> } {
  const picked = new Map<string, PersonId>()
  const text = body.replace(/@\[([A-Za-z0-9_-]{1,64})\]/g, (token, id: string) => {
    const name = nameOf(id as PersonId)
    if (name === undefined) return token
    picked.set(name, id as PersonId)
    return `@${name}`
  })
  return { text, picked }
}

/** The mention being typed: `@` then up to 30 characters (no newline) before the caret, else null. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const m = /(?:^|\s)@([^@\n]{0,30})$/.exec(text.slice(0, caret))
  if (m === null) return null
  return { start: caret - m[1]!.length - 1, query: m[1]! }
}

/** People whose name starts with the query first, then those with a word that does (case-insensitive). */
export function matchPeople<P extends { readonly name: string }>(people: readonly P[], query: string, max = 8): P[] {
  const q = query.trim().toLowerCase()
  const starts = people.filter((p) => p.name.toLowerCase().startsWith(q))
  const words = people.filter((p) => !starts.includes(p) && p.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(q)))
  return [...starts, ...words].slice(0, max)
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
