/**
 * @module Checks the items a client's update just integrated, before Yjs emits it. Yjs trusts its
 * peers: a crafted item can name a neighbour in one list and a parent in another, and Yjs links it
 * anyway. Such an item breaks encoding and reading later, on the server or on every client it
 * reaches, so the room refuses it while it can still be discarded (see Room).
 */
import * as Y from 'yjs'

/**
 * Null when every item integrated by `transaction` sits where its parent says: its neighbours
 * share its parent and map key, and its parent is a root of the document or the type of a live
 * item. Otherwise a description of the first problem. Costs one look per new struct.
 */
export function checkIntegrated(transaction: Y.Transaction): string | null {
  const { doc, beforeState, afterState } = transaction
  let roots: Set<unknown> | null = null
  for (const [client, after] of afterState) {
    const before = beforeState.get(client) ?? 0
    if (after === before) continue
    const structs = doc.store.clients.get(client)
    if (structs === undefined) continue
    // Merging after integration may have joined new structs with older ones: start at the one
    // holding the first new clock.
    for (let i = before === 0 ? 0 : Y.findIndexSS(structs, before); i < structs.length; i++) {
      const item = structs[i]
      if (!(item instanceof Y.Item)) continue
      const parent = item.parent
      if (!(parent instanceof Y.AbstractType)) return `${describe(item)} has no parent type`
      if (parent._item === null) {
        roots ??= new Set(doc.share.values())
        if (!roots.has(parent)) return `${describe(item)} has a parent that is not a root of this document`
      } else if (!(parent._item.content instanceof Y.ContentType) || parent._item.content.type !== parent) {
        return `${describe(item)} has a parent that is not the type of its item`
      }
      for (const neighbour of [item.left, item.right]) {
        if (neighbour instanceof Y.Item && (neighbour.parent !== parent || neighbour.parentSub !== item.parentSub)) {
          return `${describe(item)} is linked next to ${describe(neighbour)} of another parent or key`
        }
      }
    }
  }
  return null
}

function describe(item: Y.Item): string {
  return `item ${item.id.client}:${item.id.clock}`
}
