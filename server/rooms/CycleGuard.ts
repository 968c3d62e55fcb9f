/**
 * @module Keeps a cycle's lifecycle (publish, close, reopen) to owners on the server. It watches the
 * items a change of that kind must come near: every entry the cycles root ever had, and every item
 * ever written under an owner-only key of a cycle map (shared/doc/ownerOnly.ts), overwritten and
 * deleted ones included, since a Y.Map write names the previous value of its key as its origin and
 * nothing else. validateUpdate asks it about each reference and delete range it reads (a Map lookup
 * each, nothing for clients that never wrote there), and only an update that touches the watched
 * items gets the close look of ownerOnlyChange.ts.
 *
 * The watched set is built when the room loads the document and grows in a deep observer of the
 * cycles root, which Yjs calls only for transactions that change something under it: the cycles,
 * an owner-only key of one, a value under such a key. Other transactions pay nothing for it. It
 * may hold more than it must (items garbage-collected since), never less.
 */
import * as Y from 'yjs'
import { OWNER_ONLY_CYCLE_KEYS } from '../../shared/doc/ownerOnly.ts'
import { Root } from '../../shared/doc/schema.ts'
import type { WatchedItems } from '../../shared/protocol/validateUpdate.ts'
import { ClockRanges } from './ClockRanges.ts'
import { findOwnerOnlyChange } from './ownerOnlyChange.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- what Yjs types a deep observer's event targets with
type AnyType = Y.AbstractType<any>

export class CycleGuard implements WatchedItems {
  readonly #doc: Y.Doc
  readonly #cycles: AnyType
  readonly #watched = new ClockRanges()
  /** Types held under an owner-only key (the reopening log): a change inside them is watched too. */
  readonly #ownerOnlyTypes = new WeakSet<AnyType>()

  constructor(doc: Y.Doc) {
    this.#doc = doc
    this.#cycles = doc.getMap(Root.Cycles) as AnyType
    for (const key of this.#cycles._map.keys()) this.#watchCycleEntry(key)
    this.#cycles.observeDeep(this.#onCyclesChanged)
  }

  watchesRoot(name: string): boolean {
    return name === Root.Cycles
  }

  overlaps(client: number, clock: number, length: number): boolean {
    return this.#watched.overlaps(client, clock, length)
  }

  /**
   * The change only an owner may make that `update` (valid, and touching the watched items) would
   * make, described for the log; null when it makes none.
   */
  ownerOnlyChange(update: Uint8Array): string | null {
    return findOwnerOnlyChange(this.#doc, update, this.#watched)
  }

  /** How many clock ranges it watches (tests). */
  get watchedRanges(): number {
    return this.#watched.size
  }

  destroy(): void {
    this.#cycles.unobserveDeep(this.#onCyclesChanged)
  }

  /**
   * Grows the watched set after a transaction changed something under the cycles root. A type
   * created in the transaction has no event of its own (only the key that holds it changed), so
   * each walk takes in the values below what it finds.
   */
  readonly #onCyclesChanged = (events: Y.YEvent<AnyType>[]): void => {
    for (const event of events) {
      const type = event.target
      if (type === this.#cycles || type._item?.parent === this.#cycles) {
        if (!(event instanceof Y.YMapEvent)) continue
        for (const key of event.keysChanged as Set<string | null>) {
          if (key === null) continue
          if (type === this.#cycles) this.#watchCycleEntry(key)
          else if (OWNER_ONLY_CYCLE_KEYS.has(key)) this.#watchChain(type._map.get(key))
        }
      } else if (this.#ownerOnlyTypes.has(type)) {
        this.#watchType(type)
      }
    }
  }

  /** Every value the cycles root ever held under `key`, and the owner-only keys of those cycles. */
  #watchCycleEntry(key: string): void {
    for (let item = this.#cycles._map.get(key) ?? null; item !== null; item = item.left) {
      this.#watch(item)
      const content = item.content
      if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Map)) continue
      for (const ownerOnly of OWNER_ONLY_CYCLE_KEYS) this.#watchChain(content.type._map.get(ownerOnly))
    }
  }

  /** A map key's current item and every earlier one (`left` keeps the overwritten and deleted). */
  #watchChain(last: Y.Item | undefined): void {
    for (let item = last ?? null; item !== null; item = item.left) {
      this.#watch(item)
      if (item.content instanceof Y.ContentType) this.#watchType(item.content.type)
    }
  }

  /** Everything inside a value held under an owner-only key, entries and list items alike. */
  #watchType(type: AnyType): void {
    this.#ownerOnlyTypes.add(type)
    for (const last of type._map.values()) this.#watchChain(last)
    for (let item = type._start; item !== null; item = item.right) {
      this.#watch(item)
      if (item.content instanceof Y.ContentType) this.#watchType(item.content.type)
    }
  }

  #watch(item: Y.Item): void {
    this.#watched.add(item.id.client, item.id.clock, item.length)
  }
}
