/**
 * @module Keeps the server-only roots (shared/doc `ServerOnlyRoots`: the vote rounds) to the server.
 * Nobody but the server writes there, owners included, so any client update that comes near them
 * is refused outright: it names such a root as the parent of a new entry, or names an item that
 * ever sat there as origin, right origin or parent, or deletes one. A Y.Map write names the
 * previous value of its key as its origin, so overwriting or deleting a round always names a
 * watched item; a new key names the root.
 *
 * The watched set is every item those roots ever held (overwritten and deleted ones included, and
 * anything inside them), built when the room loads the document and grown by a deep observer of
 * those roots only: rooms that never run a meeting watch nothing and pay one Map lookup per
 * reference for it, inside the one validation pass every update gets anyway.
 */
import * as Y from 'yjs'
import { ServerOnlyRoots } from '../../shared/doc/schema.ts'
import type { WatchedItems } from '../../shared/protocol/validateUpdate.ts'
import { ClockRanges } from './ClockRanges.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- what Yjs types a deep observer's event targets with
type AnyType = Y.AbstractType<any>

const SERVER_ONLY: ReadonlySet<string> = new Set(ServerOnlyRoots)

export class ServerOnlyGuard implements WatchedItems {
  readonly #roots: AnyType[]
  readonly #watched = new ClockRanges()

  constructor(doc: Y.Doc) {
    this.#roots = ServerOnlyRoots.map((name) => doc.getMap(name) as AnyType)
    for (const root of this.#roots) {
      this.#watchType(root)
      root.observeDeep(this.#onChanged)
    }
  }

  watchesRoot(name: string): boolean {
    return SERVER_ONLY.has(name)
  }

  overlaps(client: number, clock: number, length: number): boolean {
    return this.#watched.size > 0 && this.#watched.overlaps(client, clock, length)
  }

  /** How many clock ranges it watches (tests). */
  get watchedRanges(): number {
    return this.#watched.size
  }

  destroy(): void {
    for (const root of this.#roots) root.unobserveDeep(this.#onChanged)
  }

  /**
   * Grows the watched set after a transaction changed something under a server-only root (only the
   * server's own writes get that far). A type created in the transaction has no event of its own,
   * so each walk takes in everything below what it finds.
   */
  readonly #onChanged = (events: Y.YEvent<AnyType>[]): void => {
    for (const event of events) {
      const type = event.target
      if (event instanceof Y.YMapEvent) {
        for (const key of event.keysChanged as Set<string | null>) if (key !== null) this.#watchChain(type._map.get(key))
      } else {
        // A list or text inside a value (none today: rounds are plain values), taken in whole.
        this.#watchList(type)
      }
    }
  }

  /** Everything a type holds: map entries with their history, list items, and what is inside them. */
  #watchType(type: AnyType): void {
    for (const last of type._map.values()) this.#watchChain(last)
    this.#watchList(type)
  }

  #watchList(type: AnyType): void {
    for (let item = type._start; item !== null; item = item.right) {
      this.#watch(item)
      if (item.content instanceof Y.ContentType) this.#watchType(item.content.type)
    }
  }

  /** A map key's current item and every earlier one (`left` keeps the overwritten and deleted). */
  #watchChain(last: Y.Item | undefined): void {
    for (let item = last ?? null; item !== null; item = item.left) {
      this.#watch(item)
      if (item.content instanceof Y.ContentType) this.#watchType(item.content.type)
    }
  }

  #watch(item: Y.Item): void {
    this.#watched.add(item.id.client, item.id.clock, item.length)
  }
}
