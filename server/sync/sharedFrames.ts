/**
 * @module The frame cache: the frames of the last message, or list of messages, sent. A room sends
 * a broadcast to all its connections in a row, as the same Uint8Array or array, and never changes
 * what it has sent: all but the first connection reuse the frames.
 */
import { binaryFrame, binaryFrames } from './binaryFrame.ts'

let lastSent: Uint8Array | readonly Uint8Array[] | null = null
let lastFrames: Buffer | null = null

/** The frames of `sent`, built once per broadcast. */
export function sharedFrames(sent: Uint8Array | readonly Uint8Array[]): Buffer {
  if (sent !== lastSent || lastFrames === null) {
    lastFrames = sent instanceof Uint8Array ? binaryFrame(sent) : binaryFrames(sent)
    lastSent = sent
  }
  return lastFrames
}
