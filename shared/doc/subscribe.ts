/** @module `subscribe(doc, listener)`: called once after every transaction that changed the doc. */
import type * as Y from 'yjs'
import { isCommandOrigin } from './session.ts'
import type { CommandOrigin } from './session.ts'

export interface ChangeEvent {
  /** The command origin when a local command made the change; null for remote or other changes. */
  readonly origin: CommandOrigin | null
  /** True when the change came from this replica (a command, an undo), false when from a peer. */
  readonly local: boolean
}

/** Calls `listener` after each changing transaction; returns the unsubscribe function. */
export function subscribe(doc: Y.Doc, listener: (event: ChangeEvent) => void): () => void {
  const onTransaction = (tr: Y.Transaction): void => {
    if (tr.changed.size === 0) return
    listener({ origin: isCommandOrigin(tr.origin) ? tr.origin : null, local: tr.local })
  }
  doc.on('afterTransaction', onTransaction)
  return () => doc.off('afterTransaction', onTransaction)
}
