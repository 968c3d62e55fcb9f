/**
 * @module Applies one client's sync step 2 or update to a live document after every check, and
 * says what happened; the room decides what that means for the connection.
 */
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/index.ts'
import { validateUpdate } from '../../shared/protocol/validateUpdate.ts'
import type { WatchedItems } from '../../shared/protocol/validateUpdate.ts'
import type { Limits } from '../limits.ts'
import type { CycleGuard } from './CycleGuard.ts'
import type { ServerOnlyGuard } from './ServerOnlyGuard.ts'
import type { DocPersistence } from './DocPersistence.ts'
import { dropPending } from './dropPending.ts'
import { holdsUpdate } from './holdsUpdate.ts'
import { RefuseReason, refusalForUpdate } from './refusal.ts'
import type { Refusal } from './refusal.ts'

export const UpdateOutcomeKind = {
  /**
   * Nothing in it: the usual sync step 2 of a client that has nothing new; from a viewer, also
   * one holding only what the document has already.
   */
  Empty: 'empty',
  Applied: 'applied',
  /** Close the connection. */
  Refused: 'refused',
  /** Not applied, the connection stays (a viewer's non-empty step 2). */
  Dropped: 'dropped',
  /** Applied as far as it could be; the part waiting for unknown clocks was dropped. */
  MissingDependencies: 'missing-dependencies',
  /** Yjs threw half-way: the document is not trusted any more. */
  Failed: 'failed',
} as const

export type UpdateOutcome =
  | { readonly kind: typeof UpdateOutcomeKind.Empty }
  | { readonly kind: typeof UpdateOutcomeKind.Applied }
  | { readonly kind: typeof UpdateOutcomeKind.Refused; readonly refusal: Refusal }
  | { readonly kind: typeof UpdateOutcomeKind.Dropped; readonly reason: RefuseReason }
  | { readonly kind: typeof UpdateOutcomeKind.MissingDependencies }
  | { readonly kind: typeof UpdateOutcomeKind.Failed; readonly error: unknown }

export interface ClientUpdate {
  readonly update: Uint8Array
  /** A sync step 2 (the client's whole difference) rather than an incremental update. */
  readonly isStep2: boolean
  readonly canWrite: boolean
  /**
   * Refuses what only an owner may change (a cycle's status): set for every writer but an owner.
   * Updates that do not come near the cycles pay one lookup per reference for it.
   */
  readonly guard: CycleGuard | null
  /**
   * Refuses any write to the server-only roots (the vote rounds), whoever sends it: watched in the
   * same validation pass as the cycles.
   */
  readonly serverOnly: ServerOnlyGuard | null
  /** The transaction origin: the connection, so the room can tell client changes apart. */
  readonly origin: object
}

export function applyClientUpdate(
  doc: Y.Doc,
  input: ClientUpdate,
  limits: Limits,
  persistence: DocPersistence,
): UpdateOutcome {
  const guard = input.canWrite ? input.guard : null
  const serverOnly = input.canWrite ? input.serverOnly : null
  const check = validateUpdate(
    input.update,
    { maxDepth: limits.updateDepth, maxDeleteRanges: limits.updateDeleteRanges },
    watchers(serverOnly, guard),
  )
  if (!check.ok) return refused(refusalForUpdate(check.problem, check.detail))
  if (check.empty) return { kind: UpdateOutcomeKind.Empty }
  if (serverOnly !== null && check.touched.includes(serverOnly)) {
    // Rounds hold plain values only the server writes: anything new near them is a write there.
    const write = serverOnly.writeIn(input.update)
    if (write !== null) return refused({ code: CloseCode.Forbidden, reason: RefuseReason.ServerOnly, detail: write })
  }
  if (!input.canWrite) {
    // Re-sending what the document holds writes nothing: a viewer's client does it whenever its
    // offline copy is read in after the socket opened (the provider forwards it as an update).
    if (holdsUpdate(doc, input.update)) return { kind: UpdateOutcomeKind.Empty }
    // A viewer's step 2 is its client answering ours, not a deliberate write (its cache may hold
    // changes this server lost in a crash): dropped, and it keeps watching. An update is a write.
    return input.isStep2
      ? { kind: UpdateOutcomeKind.Dropped, reason: RefuseReason.ViewerSyncStep2 }
      : refused({ code: CloseCode.Forbidden, reason: RefuseReason.ViewerWrite })
  }
  if (guard !== null && check.touched.includes(guard)) {
    const change = guard.ownerOnlyChange(input.update)
    if (change !== null) return refused({ code: CloseCode.Forbidden, reason: RefuseReason.OwnerOnly, detail: change })
  }
  if (!fits(doc, input.update.length, limits.maxDocBytes, persistence)) {
    return refused({ code: CloseCode.TooLarge, reason: RefuseReason.DocTooLarge })
  }
  try {
    Y.applyUpdate(doc, input.update, input.origin)
  } catch (error) {
    return { kind: UpdateOutcomeKind.Failed, error }
  }
  if (dropPending(doc)) {
    // What integrated was legitimate and is already stored and queued for broadcast. A step 2 is
    // the client's whole difference: dependencies it lacks cannot come from this client.
    return input.isStep2
      ? refused({
          code: CloseCode.BadMessage,
          reason: RefuseReason.MissingDependency,
          detail: 'sync step 2 with missing dependencies',
        })
      : { kind: UpdateOutcomeKind.MissingDependencies }
  }
  return { kind: UpdateOutcomeKind.Applied }
}

/** The watchers of one validation pass (viewers get none: any write of theirs is refused anyway). */
function watchers(serverOnly: ServerOnlyGuard | null, guard: CycleGuard | null): readonly WatchedItems[] {
  if (serverOnly === null) return guard === null ? [] : [guard]
  return guard === null ? [serverOnly] : [serverOnly, guard]
}

/** True when `bytes` more keep the document within `max`; measures before refusing. */
function fits(doc: Y.Doc, bytes: number, max: number, persistence: DocPersistence): boolean {
  if (persistence.docBytes + bytes <= max) return true
  // The running estimate only grows (every update adds its size, deletions included).
  persistence.docBytes = Y.encodeStateAsUpdate(doc).length
  return persistence.docBytes + bytes <= max
}

function refused(refusal: Refusal): UpdateOutcome {
  return { kind: UpdateOutcomeKind.Refused, refusal }
}
