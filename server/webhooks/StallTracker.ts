/**
 * @module Turns the stall rules' verdicts (shared/rules stallWarnings) into stall-appeared and
 * stall-cleared events per key result: a KR is stalled while any warning names it. Never more than
 * one event per KR per kind per hour (`STALL_EVENT_GAP_MS`): a KR that flaps is reported once,
 * and the changes it makes within the hour are dropped (the next one after it is sent).
 */
import type { StallWarning } from '../../shared/rules/index.ts'

/** At most one stall event of a kind per KR in this long. */
export const STALL_EVENT_GAP_MS = 3_600_000

export interface StallChange {
  readonly kind: 'stall-appeared' | 'stall-cleared'
  readonly keyResultId: string
  /** The KR's warnings (empty when it cleared). */
  readonly warnings: readonly StallWarning[]
}

/** The stalled KRs of a set of warnings, each with its warnings. */
export function stalledKeyResults(warnings: readonly StallWarning[]): Map<string, StallWarning[]> {
  const out = new Map<string, StallWarning[]>()
  for (const w of warnings) {
    if (w.keyResultId === undefined) continue
    const list = out.get(w.keyResultId) ?? []
    list.push(w)
    out.set(w.keyResultId, list)
  }
  return out
}

export class StallTracker {
  /** When an event of a kind was last sent, by `workspace:kr:kind`. */
  readonly #sent = new Map<string, number>()

  /**
   * The changes between the KRs stalled before (`previous`; undefined when not known yet, which
   * makes `current` the baseline and sends nothing) and now, minus those the hourly bound holds back.
   */
  changes(workspaceId: string, previous: readonly string[] | undefined, current: ReadonlyMap<string, readonly StallWarning[]>, now: number): StallChange[] {
    if (previous === undefined) return []
    const before = new Set(previous)
    const found: StallChange[] = []
    for (const [keyResultId, warnings] of current) if (!before.has(keyResultId)) found.push({ kind: 'stall-appeared', keyResultId, warnings })
    for (const keyResultId of before) if (!current.has(keyResultId)) found.push({ kind: 'stall-cleared', keyResultId, warnings: [] })
    if (this.#sent.size > 10_000) this.#forget(now)
    return found.filter((change) => {
      const key = `${workspaceId}:${change.keyResultId}:${change.kind}`
      const last = this.#sent.get(key)
      if (last !== undefined && now - last < STALL_EVENT_GAP_MS) return false
      this.#sent.set(key, now)
      return true
    })
  }

  #forget(now: number): void {
    for (const [key, at] of this.#sent) if (now - at >= STALL_EVENT_GAP_MS) this.#sent.delete(key)
  }
}
