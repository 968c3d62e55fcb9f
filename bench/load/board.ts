/**
 * @module Bench boards written with plain Yjs in the workspace's layout (a `tasks` root of card
 * Y.Maps, co-typed fields as Y.Text, the placement as one value): small boards whose cards the
 * fan-out clients move, and the large board of the cold-load scenario with its edit history.
 * Deterministic apart from Yjs' random client ids: a seeded generator, no Math.random.
 */
import * as Y from 'yjs'

export const COLUMNS = ['todo', 'doing', 'blocked', 'done'] as const
const TASKS = 'tasks'
const KEY_RESULTS = 24
const PEOPLE = 12
const WORDS = ['launch', 'draft', 'review', 'migrate', 'interview', 'measure', 'ship', 'fix', 'plan', 'test', 'onboarding', 'pricing', 'churn', 'docs', 'API', 'mobile']

/** mulberry32: a small seeded generator, so every run builds the same boards. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

function sentence(random: () => number, words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(pick(random, WORDS))
  return out.join(' ')
}

/** A card id that sorts and reads well: `c<prefix>-<n>`. */
export function cardId(prefix: string, n: number): string {
  return `c${prefix}-${n.toString(36).padStart(4, '0')}`
}

/** Adds `count` cards with about ten fields each, one transaction per card. Returns their ids. */
export function createCards(doc: Y.Doc, count: number, random: () => number, prefix: string, descriptionWords = 6): string[] {
  const tasks = doc.getMap<Y.Map<unknown>>(TASKS)
  const ids: string[] = []
  for (let n = 0; n < count; n++) {
    const id = cardId(prefix, n)
    ids.push(id)
    doc.transact(() => {
      const card = new Y.Map<unknown>()
      tasks.set(id, card)
      card.set('id', id)
      card.set('title', new Y.Text(`${sentence(random, 3)} #${n}`))
      card.set('description', new Y.Text(sentence(random, descriptionWords)))
      card.set('placement', { columnId: pick(random, COLUMNS), keyResultId: `kr${Math.floor(random() * KEY_RESULTS)}`, rank: `a${n.toString(36)}` })
      card.set('cycleId', 'cycle-q1')
      card.set('assigneeId', `p${Math.floor(random() * PEOPLE)}`)
      card.set('labels', [pick(random, WORDS)])
      card.set('dueDate', `2026-0${1 + Math.floor(random() * 3)}-${10 + Math.floor(random() * 18)}`)
      card.set('createdAt', 1_767_225_600_000 + n * 60_000)
      card.set('createdBy', `p${Math.floor(random() * PEOPLE)}`)
    })
  }
  return ids
}

/** Moves a card: its placement written as one value, and when it moved; one transaction. */
export function moveCard(doc: Y.Doc, id: string, random: () => number, now: number): boolean {
  const card = doc.getMap<Y.Map<unknown>>(TASKS).get(id)
  if (!(card instanceof Y.Map)) return false
  doc.transact(() => {
    card.set('placement', {
      columnId: pick(random, COLUMNS),
      keyResultId: `kr${Math.floor(random() * KEY_RESULTS)}`,
      rank: `a${Math.floor(random() * 1e6).toString(36)}`,
    })
    card.set('movedAt', now)
  })
  return true
}

/** One edit of the large board's history: a move, some typing, or a field change. */
function editCard(doc: Y.Doc, id: string, random: () => number, n: number): void {
  const card = doc.getMap<Y.Map<unknown>>(TASKS).get(id)
  if (!(card instanceof Y.Map)) return
  const roll = random()
  if (roll < 0.55) {
    moveCard(doc, id, random, 1_767_225_600_000 + n * 1_000)
    return
  }
  doc.transact(() => {
    if (roll < 0.85) {
      const text = card.get(roll < 0.7 ? 'title' : 'description')
      if (!(text instanceof Y.Text)) return
      if (text.length > 8 && random() < 0.3) text.delete(Math.floor(random() * (text.length - 4)), 3)
      else text.insert(Math.floor(random() * text.length), ` ${pick(random, WORDS)}`)
    } else if (roll < 0.95) {
      card.set('assigneeId', `p${Math.floor(random() * PEOPLE)}`)
    } else {
      card.set('dueDate', `2026-0${1 + Math.floor(random() * 3)}-${10 + Math.floor(random() * 18)}`)
    }
  })
}

export interface LargeBoard {
  /** The history in the order it happened, merged into messages small enough for every peer. */
  readonly batches: readonly Uint8Array[]
  /** The whole board as one update (what a fresh client should end up with). */
  readonly state: Uint8Array
  readonly stateVector: Uint8Array
  readonly cards: number
  readonly edits: number
}

/**
 * Builds the cold-load board: `cards` cards created by one author, then `edits` edits made by
 * several editors who each started from the finished board, so the history holds concurrent
 * changes from many clients like a board a team used for a quarter.
 */
export function buildLargeBoard(cards: number, edits: number, seed = 7, editors = 6, batchBytes = 256 * 1024): LargeBoard {
  const random = prng(seed)
  const main = new Y.Doc()
  const history: Uint8Array[] = []
  main.on('update', (update: Uint8Array) => history.push(update))
  const ids = createCards(main, cards, random, 'L', 14)
  const base = Y.encodeStateAsUpdate(main)
  const editorDocs: Y.Doc[] = []
  for (let e = 0; e < editors; e++) {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, base)
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== main) Y.applyUpdate(main, update, doc)
    })
    editorDocs.push(doc)
  }
  for (let n = 0; n < edits; n++) editCard(editorDocs[n % editors]!, pick(random, ids), random, n)
  for (const doc of editorDocs) doc.destroy()

  const batches: Uint8Array[] = []
  let group: Uint8Array[] = []
  let groupBytes = 0
  for (const update of history) {
    if (groupBytes + update.length > batchBytes && group.length > 0) {
      batches.push(Y.mergeUpdates(group))
      group = []
      groupBytes = 0
    }
    group.push(update)
    groupBytes += update.length
  }
  if (group.length > 0) batches.push(Y.mergeUpdates(group))
  const state = Y.encodeStateAsUpdate(main)
  const stateVector = Y.encodeStateVector(main)
  main.destroy()
  return { batches, state, stateVector, cards, edits }
}
