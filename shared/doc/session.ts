/**
 * @module A session is who is editing a doc and with which clock: every command takes one, and
 * every transaction it makes carries the session's typed origin (undo and persistence tell local
 * edits from remote ones by it).
 */
import type * as Y from 'yjs'
import type { Millis, PersonId } from '../model/index.ts'

export const OriginSource = {
  /** A person editing in a browser. */
  Client: 'client',
  /** The server acting on a REST call (check-in API, import). */
  Api: 'api',
  /** The server seeding or migrating a workspace. */
  System: 'system',
} as const
export type OriginSource = (typeof OriginSource)[keyof typeof OriginSource]

/** The origin of every transaction a command makes; one frozen object per session. */
export interface CommandOrigin {
  readonly kind: 'command'
  readonly source: OriginSource
  readonly sessionId: string
  readonly actor: PersonId | null
}

export interface Session {
  readonly doc: Y.Doc
  readonly actor: PersonId | null
  readonly origin: CommandOrigin
  /** Current time in epoch milliseconds. */
  now(): Millis
  /** A fresh record id, of the kind the caller names: `s.newId<TaskId>()`. */
  newId<Id extends string = string>(): Id
}

export interface SessionOptions {
  readonly actor?: PersonId | null
  readonly source?: OriginSource
  readonly now?: () => Millis
  readonly newId?: () => string
}

/** Opens a session on `doc`; the defaults use the wall clock and random ids. */
export function openSession(doc: Y.Doc, options: SessionOptions = {}): Session {
  const newId = options.newId ?? randomId
  const origin: CommandOrigin = Object.freeze({
    kind: 'command',
    source: options.source ?? OriginSource.Client,
    sessionId: randomId(),
    actor: options.actor ?? null,
  })
  return {
    doc,
    actor: options.actor ?? null,
    origin,
    now: options.now ?? (() => Date.now()),
    newId: newId as Session['newId'],
  }
}

/** True when a transaction origin came from a command (of any session). */
export function isCommandOrigin(origin: unknown): origin is CommandOrigin {
  return typeof origin === 'object' && origin !== null && (origin as CommandOrigin).kind === 'command'
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** 16 random base-62 characters (about 95 bits), from the platform's crypto. */
export function randomId(): string {
  const bytes = new Uint8Array(16)
  globalThis.crypto.getRandomValues(bytes)
  let id = ''
  // 248 = 4 * 62: rejecting the top bytes keeps every character equally likely.
  for (const byte of bytes) id += byte < 248 ? ALPHABET[byte % 62] : ALPHABET[byte & 31]
  return id
}
