/** @module The y-websocket protocol's message types: the first varint of every binary frame. */

export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const
export type MessageType = (typeof MessageType)[keyof typeof MessageType]

/** The sync sub-messages of y-protocols/sync. */
export const SyncStep = {
  Step1: 0,
  Step2: 1,
  Update: 2,
} as const
export type SyncStep = (typeof SyncStep)[keyof typeof SyncStep]
