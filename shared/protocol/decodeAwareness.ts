/**
 * @module Decodes the payload of an awareness message (y-protocols/awareness) and validates the
 * states it carries. States are parsed lazily: a server drops most entries (other clients' states
 * echoed back) without ever parsing them.
 */
import * as decoding from 'lib0/decoding'
import { exceedsDepth } from './jsonDepth.ts'

/** One (client, clock, state) triple of an awareness update. */
export interface AwarenessEntry {
  readonly clientId: number
  readonly clock: number
  /** The state as UTF-8 JSON, `null` meaning "gone"; a view into the received frame. */
  readonly state: Uint8Array
}

/** The entries of an awareness update, or null when the bytes are not one. */
export function decodeAwarenessUpdate(payload: Uint8Array): AwarenessEntry[] | null {
  try {
    const decoder = decoding.createDecoder(payload)
    const count = decoding.readVarUint(decoder)
    // Every entry takes at least three bytes: a larger count is a lie, refused before looping.
    if (count > payload.length) return null
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const state = decoding.readVarUint8Array(decoder)
      entries.push({ clientId, clock, state })
    }
    return decoding.hasContent(decoder) ? null : entries
  } catch {
    return null
  }
}

export const AwarenessProblem = {
  /** Not UTF-8, not JSON, or JSON that is neither an object nor null. */
  Malformed: 'malformed',
  TooLarge: 'too-large',
  TooDeep: 'too-deep',
} as const
export type AwarenessProblem = (typeof AwarenessProblem)[keyof typeof AwarenessProblem]

export interface AwarenessStateLimits {
  /** Largest encoded state in bytes. */
  readonly maxBytes: number
  /** Deepest nesting of arrays and objects. */
  readonly maxDepth: number
}

export type ParsedAwarenessState =
  | { readonly ok: true; readonly state: Readonly<Record<string, unknown>> | null }
  | { readonly ok: false; readonly problem: AwarenessProblem }

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Parses and checks one entry's state against the size and depth limits. */
export function parseAwarenessState(bytes: Uint8Array, limits: AwarenessStateLimits): ParsedAwarenessState {
  if (bytes.length > limits.maxBytes) return { ok: false, problem: AwarenessProblem.TooLarge }
  let value: unknown
  try {
    value = JSON.parse(utf8.decode(bytes))
  } catch {
    return { ok: false, problem: AwarenessProblem.Malformed }
  }
  if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
    return { ok: false, problem: AwarenessProblem.Malformed }
  }
  if (exceedsDepth(value, limits.maxDepth)) return { ok: false, problem: AwarenessProblem.TooDeep }
  return { ok: true, state: value as Readonly<Record<string, unknown>> | null }
}
