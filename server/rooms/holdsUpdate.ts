/** @module Tells whether a document already holds everything an update carries. */
import * as Y from 'yjs'

/**
 * True when applying `update` (already checked by validateUpdate) would change nothing in `doc`:
 * every struct is below the document's state for its client, and every deleted range is
 * deleted here already. A viewer's client re-sends such updates without anyone writing (its
 * offline copy read into the document after the socket opened, see client/sync/connectWorkspace);
 * anything else in them is new, and a write.
 */
export function holdsUpdate(doc: Y.Doc, update: Uint8Array): boolean {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    return false
  }
  const store = doc.store
  for (const struct of decoded.structs) {
    // A skip is a gap the sender does not describe: it carries nothing.
    if (struct instanceof Y.Skip) continue
    if (struct.id.clock + struct.length > Y.getState(store, struct.id.client)) return false
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const state = Y.getState(store, client)
    const structs = store.clients.get(client)
    for (const { clock, len } of ranges) {
      if (clock + len > state || structs === undefined) return false
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i++) {
        if (!structs[i]!.deleted) return false
      }
    }
  }
  return true
}
