/**
 * @module The ws adapter: a ws socket seen as a RoomSocket. A broadcast's frames are built once
 * (sharedFrames) and written straight to each net socket whenever ws holds nothing back.
 */
import type { Socket } from 'node:net'
import type { WebSocket } from 'ws'
import type { RoomSocket } from '../rooms/RoomSocket.ts'
import { sharedFrames } from './sharedFrames.ts'

/**
 * What the fast path reads of ws 8's internals: its net socket, and whether its sender holds
 * frames back (only while compressing or reading a Blob, neither of which this server does).
 */
interface WsInternals {
  readonly _socket?: Socket | null
  readonly _sender?: { readonly _state?: number; readonly _queue?: readonly unknown[] } | null
}
const SENDER_IDLE = 0

/**
 * Messages up to this size (a window's messages together: FanOut cuts a window at 32 KiB) are
 * framed once per broadcast; bigger ones go through ws uncopied.
 */
const SHARED_FRAME_MAX_BYTES = 64 * 1024

/** A ws socket seen as a RoomSocket: one small object per connection, methods on the prototype. */
export class WsRoomSocket implements RoomSocket {
  readonly #raw: WebSocket

  constructor(raw: WebSocket) {
    this.#raw = raw
  }

  /**
   * A broadcast is framed once and written to each socket as one buffer, one write call; ws would
   * frame it per socket and write header and payload as two (cork, writev). ws's own send keeps
   * anything else, so the frames' order on the wire stays the order of the calls.
   */
  send(data: Uint8Array): void {
    const socket = this.#directSocket(data.length)
    if (socket !== null) socket.write(sharedFrames(data))
    else this.#raw.send(data, SEND_BINARY)
  }

  /** A broadcast window's messages: one frame each, all in one write. */
  sendAll(messages: readonly Uint8Array[]): void {
    let bytes = 0
    for (const message of messages) bytes += message.length
    const socket = this.#directSocket(bytes)
    if (socket !== null) socket.write(sharedFrames(messages))
    else for (const message of messages) this.#raw.send(message, SEND_BINARY)
  }

  /** The net socket, when `bytes` may be written to it directly without overtaking ws. */
  #directSocket(bytes: number): Socket | null {
    const { _socket: socket, _sender: sender } = this.#raw as unknown as WsInternals
    // Read defensively: should a later ws rename these fields, every send takes ws's own path.
    return bytes <= SHARED_FRAME_MAX_BYTES &&
      socket?.writable === true &&
      sender?._state === SENDER_IDLE &&
      sender._queue?.length === 0
      ? socket
      : null
  }

  close(code: number, reason: string): void {
    this.#raw.close(code, reason)
  }

  get readyState(): number {
    return this.#raw.readyState
  }

  get bufferedAmount(): number {
    return this.#raw.bufferedAmount
  }
}

/** Shared by every send: ws reads it and never keeps it. */
const SEND_BINARY = Object.freeze({ binary: true })
