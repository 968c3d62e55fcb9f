/**
 * @module Tells the y-websocket provider when its connection is dead though it never closed: a
 * paused server, a dropped route, a browser gone offline. y-websocket 3.1 notices only after 30 s
 * without a message (a module constant, not an option) and waits for an attempt that never opens
 * for ever; the badge would say "Live" all that time.
 *
 * - Silence: the server sends a heartbeat to idle connections (shared/protocol/heartbeat.ts), so a
 *   connection that heard nothing for SILENCE_TIMEOUT_MS is dead: it is closed and tried afresh.
 * - An attempt that has not opened after CONNECT_TIMEOUT_MS is abandoned for a fresh one (a paused
 *   server's kernel accepts the TCP connection and nothing answers; a dropped route retries its
 *   handshake ever more slowly).
 * - The browser's `offline` event closes the connection at once, and `online` reconnects at once
 *   instead of waiting out the provider's backoff. In between, attempts resume only after
 *   CONNECT_TIMEOUT_MS: an attempt made during the switch itself could race the browser's own
 *   switch to offline, open, and then hang; later ones fail at once in a browser offline for good,
 *   and still find a server on this very machine.
 *
 * Closing and reopening goes through the provider's own disconnect() and connect(): the badge
 * sees the usual status events, and a link the server refused for good stays closed.
 */
import type { WebsocketProvider } from 'y-websocket'
import { CONNECT_TIMEOUT_MS, SILENCE_TIMEOUT_MS } from '../../shared/protocol/index.ts'

/** How often the watchdog looks; a dead connection is seen at most this much after the timeout. */
const CHECK_MS = 250

/**
 * A check that runs this long after the previous one means the page was busy or frozen (a long
 * task, a frozen or background tab): the messages that arrived meanwhile may not be read yet, so
 * it leaves the judgement to the next check rather than blame the connection. (In a background
 * tab, whose timers run once a second, the watchdog so mostly waits until the tab is shown.)
 */
const LATE_CHECK_MS = 1_000

/**
 * The silence allowed on an open connection that has not synced yet. Its sync step 2 is the whole
 * board in one message, heard only once it has all arrived: a megabyte takes seconds on a slow
 * link, and heartbeats queue behind it. The badge does not say Live before the sync anyway.
 */
const UNSYNCED_SILENCE_MS = 15_000

export interface WatchOptions {
  readonly silenceTimeoutMs?: number
  readonly connectTimeoutMs?: number
  /** Where `online` and `offline` come from; default the window (none in Node). */
  readonly events?: NetworkEvents | null
}

/** What the watchdog listens to for `online` and `offline`: the window, where there is one. */
export interface NetworkEvents {
  addEventListener(type: 'online' | 'offline', listener: () => void): void
  removeEventListener(type: 'online' | 'offline', listener: () => void): void
}

/** Starts watching `provider`; returns the function that stops it. */
export function watchConnection(provider: WebsocketProvider, options: WatchOptions = {}): () => void {
  const silenceTimeoutMs = options.silenceTimeoutMs ?? SILENCE_TIMEOUT_MS
  const connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS
  // The provider stamps wsLastMessageReceived with Date.now(): the same clock here.
  let attemptStarted = Date.now()
  let lastCheck = Date.now()
  /** When the browser said it went offline, until it says online or attempts resume. */
  let offlineSince: number | null = null

  /** Drops the socket (open or still opening) and starts a new attempt now. */
  const reconnect = () => {
    // False after a refusal for good (see connectWorkspace's shouldReconnect) or a destroy.
    if (!provider.shouldConnect) return
    provider.disconnect()
    provider.connect()
  }

  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connecting') attemptStarted = Date.now()
  }
  provider.on('status', onStatus)

  /** Lets the provider try again after `offline` held it back. */
  const resume = () => {
    offlineSince = null
    provider.connect()
  }

  const check = () => {
    const now = Date.now()
    const late = now - lastCheck > LATE_CHECK_MS
    lastCheck = now
    if (late) return
    if (offlineSince !== null) {
      if (now - offlineSince >= connectTimeoutMs) resume()
      return
    }
    const silenceMs = provider.synced ? silenceTimeoutMs : Math.max(silenceTimeoutMs, UNSYNCED_SILENCE_MS)
    if (provider.wsconnected && now - provider.wsLastMessageReceived > silenceMs) reconnect()
    else if (provider.wsconnecting && now - attemptStarted > connectTimeoutMs) reconnect()
  }
  const timer = setInterval(check, CHECK_MS)

  // Offline: whatever the socket is doing, it carries nothing now.
  const onOffline = () => {
    if (!provider.shouldConnect) return
    offlineSince = Date.now()
    provider.disconnect()
  }
  const onOnline = () => {
    if (offlineSince !== null) resume()
    else if (!provider.wsconnected) reconnect()
  }
  const events = options.events === undefined ? networkEvents() : options.events
  events?.addEventListener('offline', onOffline)
  events?.addEventListener('online', onOnline)

  return () => {
    clearInterval(timer)
    provider.off('status', onStatus)
    events?.removeEventListener('offline', onOffline)
    events?.removeEventListener('online', onOnline)
  }
}

/** The window in a browser; nothing in Node (tests run the client there too). */
function networkEvents(): NetworkEvents | null {
  const target = globalThis as Partial<NetworkEvents>
  return typeof target.addEventListener === 'function' && typeof target.removeEventListener === 'function'
    ? (target as NetworkEvents)
    : null
}
