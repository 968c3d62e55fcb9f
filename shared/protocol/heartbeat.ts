/**
 * @module The sync heartbeat: how a client tells a live connection from a dead one that never
 * closed (a paused server, a dropped route, a frozen network). Browsers cannot see websocket ping
 * frames, so the server sends a protocol message the client does see to every connection it has
 * sent nothing for a whole period, and the client gives up on a connection that stayed silent for
 * longer than two periods and some slack.
 *
 * The message is an awareness update with no entries: every y-websocket client applies it as a
 * no-op (y-protocols' applyAwarenessUpdate emits nothing for zero entries, so nothing is echoed),
 * yet it resets the provider's "last message received" clock. Three bytes; a busy connection,
 * which hears from the server anyway, is never sent one.
 */
import { MessageType } from './messageType.ts'

/** The server's sweep period: a connection sent nothing for a whole period gets a heartbeat. */
export const HEARTBEAT_INTERVAL_MS = 1_000

/**
 * A client that heard nothing for this long drops the connection and reconnects. A connection
 * idle on a live server hears something every period, at worst every two (written to right
 * after a sweep, it is skipped by the next one): 3.5 s leaves 1.5 s at least for a server or a
 * network running late, and finds a dead connection 2.5 to 3.5 s after its last message, inside
 * the 5 s the badge has to say Offline.
 */
export const SILENCE_TIMEOUT_MS = 3_500

/**
 * A connection attempt still not open after this long is abandoned and started afresh. A server
 * that is paused, or a route that drops packets, holds an attempt forever (the TCP handshake is
 * retried 1, 3, 7 and 15 s in); a fresh attempt every 5 s keeps the next try at most about 2 s
 * away when the server is back, and still gives a slow network 5 s to open.
 */
export const CONNECT_TIMEOUT_MS = 5_000

/** `[messageAwareness, length 1, zero entries]`: never mutate it (the server shares its frame). */
export const HEARTBEAT_MESSAGE: Uint8Array = new Uint8Array([MessageType.Awareness, 1, 0])

/** True for the heartbeat's exact bytes. */
export function isHeartbeat(frame: Uint8Array): boolean {
  return frame.length === 3 && frame[0] === HEARTBEAT_MESSAGE[0] && frame[1] === 1 && frame[2] === 0
}
