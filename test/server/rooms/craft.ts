/** @module Hand-written Yjs v1 updates for tests: one item placed exactly as a test says, or deletes. */
import * as encoding from 'lib0/encoding'

export interface Ref {
  readonly client: number
  readonly clock: number
}

export type CraftedContent =
  | { readonly any: readonly unknown[] }
  | { readonly deleted: number }
  /** A new Y.Map. */
  | { readonly map: true }

export interface CraftedItem {
  readonly client: number
  readonly clock: number
  readonly origin?: Ref
  readonly right?: Ref
  /** Written only without neighbours: a root's name or an item's id. */
  readonly parent?: string | Ref
  /** The map key; written only with a parent. */
  readonly key?: string
  readonly content: CraftedContent
}

const BIT8 = 0b1000_0000
const BIT7 = 0b0100_0000
const BIT6 = 0b0010_0000
const ContentRef = { Deleted: 1, Type: 7, Any: 8 } as const
const YMAP_TYPE_REF = 1

/** An update holding `items` (consecutive clocks of one client each, in order) and `deletes`. */
export function craftUpdate(items: readonly CraftedItem[], deletes: readonly (Ref & { len: number })[] = []): Uint8Array {
  const e = encoding.createEncoder()
  const byClient = new Map<number, CraftedItem[]>()
  for (const item of items) byClient.set(item.client, [...(byClient.get(item.client) ?? []), item])
  encoding.writeVarUint(e, byClient.size)
  for (const [client, list] of byClient) {
    encoding.writeVarUint(e, list.length)
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, list[0]!.clock)
    for (const item of list) writeItem(e, item)
  }
  const deletesByClient = new Map<number, (Ref & { len: number })[]>()
  for (const d of deletes) deletesByClient.set(d.client, [...(deletesByClient.get(d.client) ?? []), d])
  encoding.writeVarUint(e, deletesByClient.size)
  for (const [client, ranges] of deletesByClient) {
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, ranges.length)
    for (const r of ranges) {
      encoding.writeVarUint(e, r.clock)
      encoding.writeVarUint(e, r.len)
    }
  }
  return encoding.toUint8Array(e)
}

function writeItem(e: encoding.Encoder, item: CraftedItem): void {
  const content = item.content
  const ref = 'any' in content ? ContentRef.Any : 'deleted' in content ? ContentRef.Deleted : ContentRef.Type
  const placed = item.origin === undefined && item.right === undefined
  const info =
    ref |
    (item.origin === undefined ? 0 : BIT8) |
    (item.right === undefined ? 0 : BIT7) |
    (placed && item.key !== undefined ? BIT6 : 0)
  encoding.writeUint8(e, info)
  for (const id of [item.origin, item.right]) {
    if (id === undefined) continue
    encoding.writeVarUint(e, id.client)
    encoding.writeVarUint(e, id.clock)
  }
  if (placed) {
    const parent = item.parent ?? 'junk'
    if (typeof parent === 'string') {
      encoding.writeVarUint(e, 1)
      encoding.writeVarString(e, parent)
    } else {
      encoding.writeVarUint(e, 0)
      encoding.writeVarUint(e, parent.client)
      encoding.writeVarUint(e, parent.clock)
    }
    if (item.key !== undefined) encoding.writeVarString(e, item.key)
  }
  if ('any' in content) {
    encoding.writeVarUint(e, content.any.length)
    for (const value of content.any) encoding.writeAny(e, value as encoding.AnyEncodable)
  } else if ('deleted' in content) {
    encoding.writeVarUint(e, content.deleted)
  } else {
    encoding.writeVarUint(e, YMAP_TYPE_REF)
  }
}
