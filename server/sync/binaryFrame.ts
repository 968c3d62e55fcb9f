/**
 * @module Whole websocket frames (RFC 6455 §5.2) for binary messages sent by the server: FIN,
 * opcode 2, unmasked, the payload length in its shortest form. A server's frames are never masked,
 * so a broadcast's frames are the same bytes for every receiver: they are built once and written
 * to each socket as one buffer, instead of ws framing them again for every connection.
 */

const FIN_BINARY = 0x82
const LENGTH_16 = 126
const LENGTH_64 = 127

/** One frame carrying `payload`. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(frameLength(payload))
  writeFrame(frame, 0, payload)
  return frame
}

/** One frame per payload, in order, in one buffer: a single write sends them all. */
export function binaryFrames(payloads: readonly Uint8Array[]): Buffer {
  let length = 0
  for (const payload of payloads) length += frameLength(payload)
  const frames = Buffer.allocUnsafe(length)
  let offset = 0
  for (const payload of payloads) offset = writeFrame(frames, offset, payload)
  return frames
}

function headerLength(payloadLength: number): number {
  return payloadLength < LENGTH_16 ? 2 : payloadLength < 0x10000 ? 4 : 10
}

function frameLength(payload: Uint8Array): number {
  return headerLength(payload.length) + payload.length
}

/** Writes the frame of `payload` at `offset`; returns where the next frame starts. */
function writeFrame(target: Buffer, offset: number, payload: Uint8Array): number {
  const length = payload.length
  const header = headerLength(length)
  target[offset] = FIN_BINARY
  if (header === 2) {
    target[offset + 1] = length
  } else if (header === 4) {
    target[offset + 1] = LENGTH_16
    target.writeUInt16BE(length, offset + 2)
  } else {
    target[offset + 1] = LENGTH_64
    target.writeBigUInt64BE(BigInt(length), offset + 2)
  }
  target.set(payload, offset + header)
  return offset + header + length
}
