/**
 * @module A room's presence (y-protocols awareness) with ownership: a connection may only set or
 * remove the states of client ids it introduced itself, at most `awarenessClientsPerConnection`
 * of them, and nobody overwrites another connection's presence.
 *
 * y-websocket clients re-send every awareness change they receive, other people's included, so
 * entries for ids another connection owns, and entries no newer than what the room has, are
 * dropped silently: that is normal traffic, not an attack.
 *
 * With a relay between instances, the states of another instance's connections are owned by that
 * instance (`applyRelayed`); they expire like any state its instance stops renewing (y-protocols'
 * 30 s timeout), which is how a dead instance's presence goes. A client that moved here from
 * another instance takes its id back with its next renewal (a newer clock).
 */
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { parseAwarenessState } from '../../shared/protocol/decodeAwareness.ts'
import type { AwarenessEntry } from '../../shared/protocol/decodeAwareness.ts'
import { CloseCode } from '../../shared/protocol/index.ts'
import type { Limits } from '../limits.ts'
import { encodeAwarenessEntries, encodeAwarenessMessage } from './encode.ts'
import { RefuseReason, refusalForAwareness } from './refusal.ts'
import type { Refusal } from './refusal.ts'

/** Whoever sends awareness updates: a connection, compared by identity. */
export type AwarenessOwner = object

export const AwarenessOutcome = {
  /** Something changed and will be broadcast. */
  Applied: 'applied',
  /** Nothing in the message was this sender's to change (echoes, stale clocks). */
  Ignored: 'ignored',
  /** A read-only sender tried to show presence: dropped. */
  ReadOnly: 'read-only',
} as const
export type AwarenessOutcome = (typeof AwarenessOutcome)[keyof typeof AwarenessOutcome]

interface AwarenessChange {
  readonly added: readonly number[]
  readonly updated: readonly number[]
  readonly removed: readonly number[]
}

export class RoomAwareness {
  readonly #awareness: Awareness
  readonly #limits: Limits
  readonly #owners = new Map<number, AwarenessOwner>()
  readonly #claims = new Map<AwarenessOwner, Set<number>>()
  readonly #onUpdate: (change: AwarenessChange, origin: unknown) => void
  /** Owners that stand for another instance's connections (see applyRelayed). */
  readonly #relayed = new WeakSet<AwarenessOwner>()
  /** The encoded "everyone's state" message, until the next change. */
  #full: Uint8Array | null | undefined

  /** @param onChange receives the client ids whose state changed or was renewed, and who changed them */
  constructor(doc: Y.Doc, limits: Limits, onChange: (clientIds: readonly number[], origin: unknown) => void) {
    this.#limits = limits
    this.#awareness = new Awareness(doc)
    // The server shows no presence of its own.
    this.#awareness.setLocalState(null)
    this.#onUpdate = ({ added, updated, removed }, origin) => {
      this.#full = undefined
      // Another instance's state that expired or was removed belongs to nobody any more.
      for (const id of removed) {
        const owner = this.#owners.get(id)
        if (owner !== undefined && this.#relayed.has(owner)) this.#disown(owner, id)
      }
      onChange([...added, ...updated, ...removed], origin)
    }
    this.#awareness.on('update', this.#onUpdate)
  }

  /**
   * Applies what `owner` may change in `entries`; returns a refusal to close it with, or what
   * happened. `mayWrite` false (a viewer) drops its own presence without closing.
   */
  apply(owner: AwarenessOwner, mayWrite: boolean, entries: readonly AwarenessEntry[]): AwarenessOutcome | Refusal {
    const awareness = this.#awareness
    const limits = this.#limits
    const owned = this.#claims.get(owner) ?? new Set<number>()
    const accepted: AwarenessEntry[] = []
    const claims = new Set<number>()
    for (const entry of entries) {
      const id = entry.clientId
      if (id === awareness.clientID) continue
      let owner0 = this.#owners.get(id)
      const known = awareness.meta.get(id)?.clock
      // A client that moved here from another instance takes its id back with a newer clock (its
      // next renewal, within 15 s, before the old instance's copy expires). Clients re-sending
      // what they received never carry a clock newer than the room's.
      if (owner0 !== undefined && this.#relayed.has(owner0) && known !== undefined && entry.clock > known) owner0 = undefined
      if (owner0 !== undefined && owner0 !== owner) continue
      if (known !== undefined && entry.clock < known) continue
      if (!mayWrite) {
        // Viewers' clients announce themselves like anyone's; their presence is not shown.
        if (known === undefined || entry.clock > known) return AwarenessOutcome.ReadOnly
        continue
      }
      const parsed = parseAwarenessState(entry.state, {
        maxBytes: limits.awarenessStateBytes,
        maxDepth: limits.awarenessDepth,
      })
      if (!parsed.ok) return refusalForAwareness(parsed.problem)
      const removal = parsed.state === null
      // y-protocols applies a newer clock, or the same clock when it removes a present state.
      const newer = known === undefined || entry.clock > known
      const sameClockRemoval = entry.clock === known && removal && awareness.states.has(id)
      if (!newer && !sameClockRemoval) continue
      if (owner0 === undefined) {
        // Removing a state nobody owns (an echo of someone leaving) changes nothing.
        if (removal) continue
        claims.add(id)
        if (owned.size + claims.size > limits.awarenessClientsPerConnection) {
          return tooMany(`more than ${limits.awarenessClientsPerConnection} client ids`)
        }
      }
      accepted.push(entry)
      if (accepted.length > limits.awarenessEntriesPerMessage) {
        return tooMany(`more than ${limits.awarenessEntriesPerMessage} entries`)
      }
    }
    if (accepted.length === 0) return AwarenessOutcome.Ignored
    for (const id of claims) {
      const previous = this.#owners.get(id)
      if (previous !== undefined) this.#disown(previous, id)
      owned.add(id)
      this.#owners.set(id, owner)
    }
    if (owned.size > 0) this.#claims.set(owner, owned)
    applyAwarenessUpdate(awareness, encodeAwarenessEntries(accepted), owner)
    return AwarenessOutcome.Applied
  }

  /**
   * Applies an awareness update relayed from another instance, whose connections `owner` stands
   * for: checked there already, so no limits here, but it changes no state a connection of this
   * instance (or another instance) owns.
   */
  applyRelayed(owner: AwarenessOwner, entries: readonly AwarenessEntry[]): void {
    this.#relayed.add(owner)
    const awareness = this.#awareness
    const accepted: AwarenessEntry[] = []
    for (const entry of entries) {
      const id = entry.clientId
      const owner0 = this.#owners.get(id)
      if (id === awareness.clientID || (owner0 !== undefined && owner0 !== owner)) continue
      const removal = isNullState(entry.state)
      if (owner0 === undefined) {
        if (removal) continue
        this.#owners.set(id, owner)
        const owned = this.#claims.get(owner) ?? new Set<number>()
        owned.add(id)
        this.#claims.set(owner, owned)
      }
      accepted.push(entry)
    }
    if (accepted.length > 0) applyAwarenessUpdate(awareness, encodeAwarenessEntries(accepted), owner)
  }

  /** True for an owner that stands for another instance (see applyRelayed). */
  isRelayed(owner: unknown): boolean {
    return typeof owner === 'object' && owner !== null && this.#relayed.has(owner)
  }

  /** The awareness update (not a message) with the states of this instance's connections; null when none. */
  localUpdate(): Uint8Array | null {
    const ids: number[] = []
    for (const [id, owner] of this.#owners) if (!this.#relayed.has(owner) && this.#awareness.states.has(id)) ids.push(id)
    return ids.length === 0 ? null : encodeAwarenessUpdate(this.#awareness, ids)
  }

  /** The awareness update (not a message) for `clientIds`, removals included. */
  update(clientIds: readonly number[]): Uint8Array {
    return encodeAwarenessUpdate(this.#awareness, [...clientIds])
  }

  #disown(owner: AwarenessOwner, id: number): void {
    this.#owners.delete(id)
    const owned = this.#claims.get(owner)
    owned?.delete(id)
    if (owned?.size === 0) this.#claims.delete(owner)
  }

  /** Removes every state `owner` introduced (it left); the removal is broadcast. */
  release(owner: AwarenessOwner): void {
    const owned = this.#claims.get(owner)
    if (owned === undefined) return
    this.#claims.delete(owner)
    for (const id of owned) this.#owners.delete(id)
    removeAwarenessStates(this.#awareness, [...owned], owner)
  }

  /** The message with every current state, for a newcomer or a query; null when nobody is present. */
  fullMessage(): Uint8Array | null {
    if (this.#full === undefined) {
      const ids = [...this.#awareness.getStates().keys()]
      this.#full = ids.length === 0 ? null : encodeAwarenessMessage(encodeAwarenessUpdate(this.#awareness, ids))
    }
    return this.#full
  }

  /** The message announcing the current state (or absence) of `clientIds`. */
  message(clientIds: readonly number[]): Uint8Array {
    return encodeAwarenessMessage(encodeAwarenessUpdate(this.#awareness, [...clientIds]))
  }

  /** The current states `owner` introduced (a map lookup: edits ask it once per transaction). */
  *statesOf(owner: AwarenessOwner): Iterable<unknown> {
    const states = this.#awareness.getStates()
    for (const id of this.#claims.get(owner) ?? []) {
      const state = states.get(id)
      if (state !== undefined) yield state
    }
  }

  /** Every current state with the owner that introduced it (states nobody owns are left out). */
  *ownedStates(): Iterable<{ readonly owner: AwarenessOwner; readonly state: unknown }> {
    for (const [id, state] of this.#awareness.getStates()) {
      const owner = this.#owners.get(id)
      if (owner !== undefined) yield { owner, state }
    }
  }

  /** Number of client ids with a state. */
  get size(): number {
    return this.#awareness.getStates().size
  }

  /** Stops the outdated-state timer; nothing is broadcast any more. */
  destroy(): void {
    this.#awareness.off('update', this.#onUpdate)
    this.#awareness.destroy()
  }
}

/** An awareness entry whose state is JSON `null`: the client is gone. */
function isNullState(state: Uint8Array): boolean {
  return state.length === 4 && state[0] === 0x6e && state[1] === 0x75 && state[2] === 0x6c && state[3] === 0x6c
}

function tooMany(detail: string): Refusal {
  return { code: CloseCode.TooLarge, reason: RefuseReason.AwarenessTooMany, detail }
}
