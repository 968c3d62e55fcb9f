/**
 * @module What only a workspace's owner may change in the document: a cycle's lifecycle (publish,
 * close, reopen). The server refuses any other connection's update that writes these keys of an
 * existing cycle, or deletes or replaces a published or closed cycle (server/rooms/CycleGuard.ts);
 * a command that writes a new key of this kind must list it here.
 */
import { CycleStatus } from '../model/index.ts'

/**
 * Keys of a cycle's record map that only an owner may write or delete: the status, the stamps of
 * its moves and the reopening log (everything under it too).
 */
export const OWNER_ONLY_CYCLE_KEYS: ReadonlySet<string> = new Set(['status', 'publishedAt', 'closedAt', 'reopenings'])

/**
 * What an editor may put under those keys of a cycle it creates: a draft, as `createCycle` writes
 * it. A key missing here may not be written at all by anyone but an owner.
 */
export const NEW_CYCLE_OWNER_ONLY_VALUES: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['status', CycleStatus.Draft],
  ['publishedAt', null],
  ['closedAt', null],
])
