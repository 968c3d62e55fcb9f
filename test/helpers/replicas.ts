/**
 * @module Replicas of one document for convergence tests: copies of a base document, each queueing
 * the updates it makes for every other, delivered in random order and prefixes, then all at once.
 */
import * as Y from 'yjs'
import type { Random } from './random.ts'

export interface Linked {
  readonly doc: Y.Doc
  /** Updates this replica made that the others have not received yet, per receiver. */
  readonly outbox: Map<Y.Doc, Uint8Array[]>
}

/** `count` copies of `base`, each recording its own updates for the others. */
export function linkedCopies(base: Y.Doc, count: number): Linked[] {
  const docs = Array.from({ length: count }, () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
    return doc
  })
  return docs.map((doc) => {
    const outbox = new Map<Y.Doc, Uint8Array[]>(docs.filter((d) => d !== doc).map((d) => [d, []]))
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return
      for (const queue of outbox.values()) queue.push(update)
    })
    return { doc, outbox }
  })
}

/** Delivers a random prefix of a random sender's queue to one receiver. */
export function deliverSome(all: readonly Linked[], random: Random): void {
  const from = random.pick(all)
  const [to, queue] = random.pick([...from.outbox.entries()])
  for (const update of queue.splice(0, random.int(queue.length + 1))) Y.applyUpdate(to, update, 'remote')
}

/** Delivers everything still queued. */
export function deliverAll(all: readonly Linked[]): void {
  for (const r of all) for (const [to, queue] of r.outbox) for (const update of queue.splice(0)) Y.applyUpdate(to, update, 'remote')
}
