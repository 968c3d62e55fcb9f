/**
 * @module The close look at an update that comes near the cycles: would it make a change that only
 * an owner may make? It reads the update with Yjs' own decoder and places every new item where Yjs
 * will put it (beside its origin, else beside its right origin, else under the parent it names),
 * following references into the document and into the update itself, then judges the new items
 * and the live items the update deletes. Only updates the watch flags pay for this (see CycleGuard).
 */
import * as Y from 'yjs'
import { NEW_CYCLE_OWNER_ONLY_VALUES, OWNER_ONLY_CYCLE_KEYS } from '../../shared/doc/ownerOnly.ts'
import { Root } from '../../shared/doc/schema.ts'
import { CycleStatus, unreachable } from '../../shared/model/index.ts'
import type { ClockRanges } from './ClockRanges.ts'

/** Where an item sits, as far as owner-only changes go. */
const Place = {
  /** Nothing to do with a cycle's lifecycle. */
  Other: 'other',
  /** An entry of the cycles root: a cycle (or junk) under its id. */
  Cycles: 'cycles',
  /** An entry of a cycle map that the document has. */
  Cycle: 'cycle',
  /** An entry of a cycle map that the same update creates. */
  NewCycle: 'new-cycle',
  /** Anywhere inside the value of an owner-only key of a cycle (the reopening log's entries). */
  OwnerOnly: 'owner-only',
} as const
type Place = (typeof Place)[keyof typeof Place]

interface Placement {
  readonly place: Place
  /** The item's key in its map (its parentSub). */
  readonly key: string | null
  /** The id of the cycle it belongs to, for the log. */
  readonly cycle: string | null
  /** The document's item holding that cycle's map (Cycle and OwnerOnly places of the document). */
  readonly cycleItem: Y.Item | null
}

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']
type Content = Y.Item['content']

const OTHER: Placement = { place: Place.Other, key: null, cycle: null, cycleItem: null }

/** Parents deeper than this are not a workspace's (a record is two levels down, its log three). */
const MAX_DEPTH = 64

/**
 * The owner-only change `update` would make to `doc`, described for the log, or null. A change is
 * a new item under an owner-only key of an existing cycle (or inside its value), a new cycle whose
 * owner-only keys hold anything but a draft's values, a new entry that replaces a cycle that is
 * not a draft, or a delete of a live item of those kinds (deleting a whole draft cycle is fine).
 * `watched` holds every cycle-related item of the document (see CycleGuard) and spares the
 * deletes that cannot matter.
 */
export function findOwnerOnlyChange(doc: Y.Doc, update: Uint8Array, watched: ClockRanges): string | null {
  const cycles = doc.getMap(Root.Cycles)
  const { structs, ds } = Y.decodeUpdate(update)
  const places = new UpdatePlaces(doc, cycles, structs)
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || places.known(struct)) continue
    const problem = judgeNew(struct, places.of(struct), cycles)
    if (problem !== null) return problem
  }
  return judgeDeletes(doc, cycles, ds, watched)
}

function judgeNew(item: Y.Item, at: Placement, cycles: Y.Map<unknown>): string | null {
  switch (at.place) {
    case Place.Other:
      return null
    case Place.Cycles: {
      // Writing an id the cycles root has replaces (or, losing, competes with) what is there.
      const current = at.key === null ? undefined : cycles._map.get(at.key)
      const locked = current === undefined || current.deleted ? null : lockedStatus(current)
      return locked === null ? null : `replaces the ${locked} cycle ${at.key}`
    }
    case Place.Cycle:
      return isOwnerOnly(at.key) ? `writes ${at.key} of cycle ${at.cycle}` : null
    case Place.NewCycle:
      return isOwnerOnly(at.key) && !isNewCycleValue(at.key!, item.content)
        ? `creates cycle ${at.cycle} with a ${at.key} other than a draft's`
        : null
    case Place.OwnerOnly:
      return `writes inside an owner-only field of cycle ${at.cycle}`
    default:
      return unreachable(at.place, 'place')
  }
}

/** Judges the live items of `doc` that the update's delete set covers. */
function judgeDeletes(doc: Y.Doc, cycles: Y.Map<unknown>, ds: DeleteSet, watched: ClockRanges): string | null {
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client)
    if (structs === undefined) continue
    const state = Y.getState(doc.store, client)
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, state)
      if (clock >= end || !watched.overlaps(client, clock, end - clock)) continue
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < end; i++) {
        const struct = structs[i]
        if (!(struct instanceof Y.Item) || struct.deleted) continue
        const problem = judgeDelete(struct, cycles, ds)
        if (problem !== null) return problem
      }
    }
  }
  return null
}

function judgeDelete(item: Y.Item, cycles: Y.Map<unknown>, ds: DeleteSet): string | null {
  const at = placementOf(item, cycles)
  switch (at.place) {
    case Place.Cycles: {
      const locked = lockedStatus(item)
      return locked === null ? null : `deletes the ${locked} cycle ${at.key}`
    }
    case Place.Cycle:
    case Place.OwnerOnly:
      // Deleting a cycle deletes its entries with it: judged as the cycle's delete.
      if (at.place === Place.Cycle && !isOwnerOnly(at.key)) return null
      return at.cycleItem !== null && covers(ds, at.cycleItem.id) ? null : `deletes ${at.key} of cycle ${at.cycle}`
    default:
      return null
  }
}

/** The status of the cycle `item` holds unless it is a draft's; null for a draft or for junk. */
function lockedStatus(item: Y.Item): string | null {
  const content = item.content
  if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Map)) return null
  const status: unknown = content.type.get('status')
  return status === CycleStatus.Draft ? null : typeof status === 'string' ? status : 'status-less'
}

function isOwnerOnly(key: string | null): boolean {
  return key !== null && OWNER_ONLY_CYCLE_KEYS.has(key)
}

/** A deleted item holds nothing; anything else must be exactly a new draft's value. */
function isNewCycleValue(key: string, content: Content): boolean {
  if (content instanceof Y.ContentDeleted) return true
  if (!NEW_CYCLE_OWNER_ONLY_VALUES.has(key) || !(content instanceof Y.ContentAny)) return false
  const expected = NEW_CYCLE_OWNER_ONLY_VALUES.get(key)
  return content.arr.every((value) => value === expected)
}

function covers(ds: DeleteSet, id: Y.ID): boolean {
  const ranges = ds.clients.get(id.client)
  return ranges !== undefined && ranges.some((r) => r.clock <= id.clock && id.clock < r.clock + r.len)
}

/** Where an item of the document sits: what its parent type is, and its key. */
function placementOf(item: Y.Item, cycles: Y.Map<unknown>): Placement {
  return entriesOf(item.parent, item.parentSub, cycles)
}

/** Where an entry under `key` of `type` (a type of the document) sits. */
function entriesOf(type: unknown, key: string | null, cycles: Y.Map<unknown>): Placement {
  if (type === cycles) return { place: Place.Cycles, key, cycle: key, cycleItem: null }
  if (!(type instanceof Y.AbstractType)) return OTHER
  let item: Y.Item | null = type._item
  if (item === null) return OTHER
  if (item.parent === cycles) {
    return type instanceof Y.Map ? { place: Place.Cycle, key, cycle: item.parentSub, cycleItem: item } : OTHER
  }
  // Deeper down: climb to the entry of a cycle map, whose key decides.
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const parent: unknown = item.parent
    if (!(parent instanceof Y.AbstractType) || parent._item === null) return OTHER
    const parentItem: Y.Item = parent._item
    if (parentItem.parent === cycles) {
      return parent instanceof Y.Map && isOwnerOnly(item.parentSub)
        ? { place: Place.OwnerOnly, key: item.parentSub, cycle: parentItem.parentSub, cycleItem: parentItem }
        : OTHER
    }
    item = parentItem
  }
  return OTHER
}

/** How a new item is placed: found at once, or beside or under another new item of the update. */
type Step =
  | { readonly kind: 'placed'; readonly placement: Placement }
  | { readonly kind: 'beside' | 'under'; readonly via: Y.Item }

/** Places the new items of one update, following references through the update without recursion. */
class UpdatePlaces {
  readonly #doc: Y.Doc
  readonly #cycles: Y.Map<unknown>
  /** The update's structs per client, in clock order (as Yjs writes and decodes them). */
  readonly #fresh = new Map<number, (Y.Item | Y.GC)[]>()
  readonly #memo = new Map<Y.Item, Placement>()

  constructor(doc: Y.Doc, cycles: Y.Map<unknown>, structs: readonly (Y.Item | Y.GC | Y.Skip)[]) {
    this.#doc = doc
    this.#cycles = cycles
    for (const struct of structs) {
      if (struct instanceof Y.Skip) continue
      const list = this.#fresh.get(struct.id.client)
      if (list === undefined) this.#fresh.set(struct.id.client, [struct])
      else list.push(struct)
    }
  }

  /** The document has all of it already: Yjs skips it. */
  known(item: Y.Item): boolean {
    return item.id.clock + item.length <= Y.getState(this.#doc.store, item.id.client)
  }

  of(start: Y.Item): Placement {
    const path: { item: Y.Item; step: Step & { kind: 'beside' | 'under' } }[] = []
    const onPath = new Set<Y.Item>()
    let item = start
    let placement: Placement
    for (;;) {
      const memo = this.#memo.get(item)
      if (memo !== undefined) {
        placement = memo
        break
      }
      const step = this.#step(item)
      if (step.kind === 'placed') {
        placement = step.placement
        this.#memo.set(item, placement)
        break
      }
      onPath.add(item)
      path.push({ item, step })
      if (onPath.has(step.via)) {
        // References in a loop: Yjs never finds their neighbours and leaves them all pending.
        placement = OTHER
        break
      }
      item = step.via
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const { item: child, step } = path[i]!
      placement = step.kind === 'beside' ? placement : childOf(placement, step.via, child.parentSub)
      this.#memo.set(child, placement)
    }
    return placement
  }

  #step(item: Y.Item): Step {
    // Yjs takes the parent and key of the left neighbour, else of the right one, else as written.
    const neighbour = item.origin ?? item.rightOrigin
    if (neighbour !== null) {
      const found = this.#find(neighbour)
      if (found === null || !(found.struct instanceof Y.Item)) return placed(OTHER)
      return found.fresh ? { kind: 'beside', via: found.struct } : placed(placementOf(found.struct, this.#cycles))
    }
    const parent = item.parent
    if (typeof parent === 'string') {
      return placed(parent === Root.Cycles ? entriesOf(this.#cycles, item.parentSub, this.#cycles) : OTHER)
    }
    if (!(parent instanceof Y.ID)) return placed(OTHER)
    const found = this.#find(parent)
    if (found === null || !(found.struct instanceof Y.Item)) return placed(OTHER)
    if (found.fresh) return { kind: 'under', via: found.struct }
    const content = found.struct.content
    return placed(content instanceof Y.ContentType ? entriesOf(content.type, item.parentSub, this.#cycles) : OTHER)
  }

  /** The struct holding `id`: the document's, else the update's; null when neither has it. */
  #find(id: Y.ID): { struct: Y.Item | Y.GC; fresh: boolean } | null {
    const store = this.#doc.store
    if (id.clock < Y.getState(store, id.client)) {
      const structs = store.clients.get(id.client)!
      return { struct: structs[Y.findIndexSS(structs, id.clock)]!, fresh: false }
    }
    const list = this.#fresh.get(id.client)
    if (list === undefined) return null
    let lo = 0
    let hi = list.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const struct = list[mid]!
      if (id.clock < struct.id.clock) hi = mid - 1
      else if (id.clock >= struct.id.clock + struct.length) lo = mid + 1
      else return { struct, fresh: true }
    }
    return null
  }
}

function placed(placement: Placement): Step {
  return { kind: 'placed', placement }
}

/** Where an entry under `key` of the new item `parent` sits, given where `parent` sits. */
function childOf(at: Placement, parent: Y.Item, key: string | null): Placement {
  if (!(parent.content instanceof Y.ContentType)) return OTHER
  switch (at.place) {
    case Place.Cycles:
      // A new map under the cycles root is a new cycle; its entries are judged as a new cycle's.
      if (!(parent.content.type instanceof Y.Map)) return OTHER
      return { place: Place.NewCycle, key, cycle: at.key, cycleItem: null }
    case Place.Cycle:
    case Place.NewCycle:
      // A type held under an owner-only key: everything inside it is owner-only too.
      if (!isOwnerOnly(at.key)) return OTHER
      return { place: Place.OwnerOnly, key: at.key, cycle: at.cycle, cycleItem: at.cycleItem }
    case Place.OwnerOnly:
      return at
    case Place.Other:
      return OTHER
    default:
      return unreachable(at.place, 'place')
  }
}
