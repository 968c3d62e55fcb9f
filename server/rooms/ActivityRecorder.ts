/**
 * @module Turns a room's transactions into activity (shared/doc describeTransaction) and hands it
 * to the activity log with who did it (the person the connection's presence names, or the REST
 * call's actor) and when. Edits of one co-typed text by one person within `TEXT_SPELL_MS` are one
 * entry: a spell of typing is one thing done, not one per keystroke.
 */
import type * as Y from 'yjs'
import { describeTransaction, isCommandOrigin } from '../../shared/doc/index.ts'
import { ActivityKind } from '../../shared/model/index.ts'
import type { Activity, PersonId } from '../../shared/model/index.ts'
import type { ActivityLog } from '../storage/ActivityLog.ts'

/** Edits of the same text by the same person closer together than this are one entry. */
export const TEXT_SPELL_MS = 5 * 60_000

export interface ActivityRecorderOptions {
  readonly workspaceId: string
  readonly log: ActivityLog
  readonly now: () => number
  /** Who a transaction's origin is: a connection's person, by its presence; null when unknown. */
  readonly personOf: (origin: unknown) => PersonId | null
  /** Which origins are people's edits (connections, REST calls): the server's own are not activity. */
  readonly isEdit: (origin: unknown) => boolean
}

export class ActivityRecorder {
  readonly #doc: Y.Doc
  readonly #options: ActivityRecorderOptions
  /** The latest text edit per person and text, while its spell lasts. */
  readonly #spells = new Map<string, number>()

  constructor(doc: Y.Doc, options: ActivityRecorderOptions) {
    this.#doc = doc
    this.#options = options
    doc.on('afterTransaction', this.#onTransaction)
  }

  destroy(): void {
    this.#doc.off('afterTransaction', this.#onTransaction)
  }

  readonly #onTransaction = (tr: Y.Transaction): void => {
    if (tr.changed.size === 0 || !this.#options.isEdit(tr.origin)) return
    const drafts = describeTransaction(this.#doc, tr)
    if (drafts.length === 0) return
    const at = this.#options.now()
    const personId = isCommandOrigin(tr.origin) ? tr.origin.actor : this.#options.personOf(tr.origin)
    const entries: Activity[] = []
    for (const draft of drafts) {
      if (draft.kind === ActivityKind.TextEdited) {
        const key = `${personId ?? '?'}:${draft.target.id}:${draft.detail}`
        const last = this.#spells.get(key)
        this.#spells.set(key, at)
        if (last !== undefined && at - last < TEXT_SPELL_MS) continue
      }
      entries.push({ ...draft, at, personId })
    }
    if (this.#spells.size > 1_000) this.#forgetOldSpells(at)
    if (entries.length > 0) this.#options.log.append(this.#options.workspaceId, entries)
  }

  #forgetOldSpells(now: number): void {
    for (const [key, last] of this.#spells) if (now - last >= TEXT_SPELL_MS) this.#spells.delete(key)
  }
}
