/** @module Declares the workspace schema's root types on a server document before anything is applied. */
import type * as Y from 'yjs'
import { Root } from '../../shared/doc/index.ts'

/**
 * Gives every root of the schema its type (all are Y.Maps) on a fresh document. Yjs creates a
 * root that an incoming update names as an untyped type and converts it when code first asks for
 * it by type (shared/doc's `getMap`). That conversion re-parents only the items reachable from
 * the root's lists: a crafted update can leave others pointing at the discarded type, after which
 * encoding the document throws. Declared roots are never converted.
 */
export function declareRoots(doc: Y.Doc): void {
  for (const root of Object.values(Root)) doc.getMap(root)
}
