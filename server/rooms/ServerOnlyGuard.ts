/**
 * @module Keeps the server-only roots (shared/doc `ServerOnlyRoots`: the vote rounds) to the server.
 * Nobody but the server writes there, owners included, so any client update that comes near them
 * is refused outright: it names such a root as the parent of a new entry, or names an item that
 * ever sat there as origin, right origin or parent, or deletes one. A Y.Map write names the
 * previous value of its key as its origin, so overwriting or deleting a round always names a
 * watched item; a new key names the root.
 *
 * Clients re-send what they have (an offline copy read in after the socket opened goes out as one
 * update carrying the whole document), so an update that comes near the rounds gets a second look
 * (`writeIn`): only what the document does not hold yet counts as a write.
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
  readonly #doc: Y.Doc
  readonly #roots: AnyType[]
  readonly #watched = new ClockRanges()

  constructor(doc: Y.Doc) {
    this.#doc = doc
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

  /**
   * What `update` (valid, and touching the watched items) would write to a server-only root,
   * described for the log; null when all of that is in the document already. A struct the
   * document lacks (or the part of one past the document's state) writes there when it names a
   * server-only root or a watched item as a neighbour or parent: a new struct beside or under
   * another new one of the same update is placed only after that one, which is judged the same
   * way. A delete writes there when it covers a watched item the document has not deleted.
   */
  writeIn(update: Uint8Array): string | null {
    const store = this.#doc.store
    const { structs, ds } = Y.decodeUpdate(update)
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue
      const { client, clock } = struct.id
      const state = Y.getState(store, client)
      if (clock + struct.length <= state) continue
      // Yjs integrates the unknown tail beside the known part: that part is its origin.
      if (clock < state && this.overlaps(client, state - 1, 1)) return `extends a server-only item ${client}:${state - 1}`
      if (typeof struct.parent === 'string' && SERVER_ONLY.has(struct.parent)) return `writes to the ${struct.parent} root`
      for (const ref of [struct.origin, struct.rightOrigin, struct.parent instanceof Y.ID ? struct.parent : null]) {
        if (ref !== null && this.overlaps(ref.client, ref.clock, 1)) return `writes beside or under the server-only item ${ref.client}:${ref.clock}`
      }
    }
    for (const [client, ranges] of ds.clients) {
      const structs = store.clients.get(client)
      if (structs === undefined) continue
      const end0 = Y.getState(store, client)
      for (const { clock, len } of ranges) {
        const end = Math.min(clock + len, end0)
        if (clock >= end || !this.overlaps(client, clock, end - clock)) continue
        for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < end; i++) {
          const item = structs[i]!
          if (item instanceof Y.Item && !item.deleted && this.overlaps(client, item.id.clock, item.length)) {
            return `deletes the server-only item ${client}:${item.id.clock}`
          }
        }
      }
    }
    return null
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
