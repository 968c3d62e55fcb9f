/**
 * @module What a room needs from the relay between server instances (server/relay/RedisRelay.ts
 * with REDIS_URL): a per-workspace channel to the other instances that hold the same room. The
 * transport stamps each message with its instance, drops its own echoes, and hands a sync reply
 * only to the instance that asked.
 */

export const RelayKind = {
  /** A document update accepted by the sending instance (from its client or a server-side edit). */
  Update: 1,
  /** An awareness update (y-protocols encoding) of the sender's own connections: states and removals. */
  Awareness: 2,
  /** "I (re)joined: here is my state vector"; every peer answers with a SyncReply. */
  SyncRequest: 3,
  /**
   * The difference the asker lacks, the presence of the answerer's connections, and the
   * answerer's state vector: the asker sends back what the answerer lacks (as an Update), which
   * covers a peer whose own request went out before the asker was listening.
   */
  SyncReply: 4,
} as const
export type RelayKind = (typeof RelayKind)[keyof typeof RelayKind]

export type RelayMessage =
  | { readonly kind: typeof RelayKind.Update; readonly update: Uint8Array }
  | { readonly kind: typeof RelayKind.Awareness; readonly awareness: Uint8Array }
  | { readonly kind: typeof RelayKind.SyncRequest; readonly stateVector: Uint8Array }
  | {
      readonly kind: typeof RelayKind.SyncReply
      readonly to: string
      readonly update: Uint8Array
      readonly awareness: Uint8Array
      readonly stateVector: Uint8Array
    }

/** A relayed message with the instance that sent it. */
export interface ReceivedRelayMessage {
  readonly from: string
  readonly message: RelayMessage
}

export interface RelayListener {
  /** A message of another instance for this workspace. */
  receive(received: ReceivedRelayMessage): void
  /**
   * The channel is (again) subscribed: after the first subscription and after every Redis
   * reconnection. The room asks its peers for what it missed meanwhile.
   */
  subscribed(): void
}

export interface RelayLink {
  /** Sends to the other instances holding the workspace; lost while Redis is down (a resync covers it). */
  publish(message: RelayMessage): void
  /** Unsubscribes (the room unloaded). Idempotent. */
  leave(): void
}

export interface Relay {
  /** This instance's id, unique per process start. */
  readonly instanceId: string
  join(workspaceId: string, listener: RelayListener): RelayLink
  close(): Promise<void>
}
