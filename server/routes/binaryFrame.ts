/**
 * @module A whole websocket frame (RFC 6455 §5.2) for a binary message sent by the server: FIN,
 * opcode 2, unmasked, the payload length in its shortest form. A server's frames are never masked,
 * so a broadcast's frame is the same bytes for every receiver: it is built once and written to each
 * socket as one buffer, instead of ws framing it again for every connection.
 */

const FIN_BINARY = 0x82
const LENGTH_16 = 126
const LENGTH_64 = 127

export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.length
  const headerLength = length < LENGTH_16 ? 2 : length < 0x10000 ? 4 : 10
  const frame = Buffer.allocUnsafe(headerLength + length)
  frame[0] = FIN_BINARY
  if (headerLength === 2) {
    frame[1] = length
  } else if (headerLength === 4) {
    frame[1] = LENGTH_16
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = LENGTH_64
    frame.writeBigUInt64BE(BigInt(length), 2)
  }
  frame.set(payload, headerLength)
  return frame
}
