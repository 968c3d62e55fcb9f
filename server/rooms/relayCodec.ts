/** @module The bytes of a relayed message on a workspace's Redis channel (lib0 encoding). */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { RelayKind } from './Relay.ts'
import type { ReceivedRelayMessage, RelayMessage } from './Relay.ts'

/** Bumped when the layout changes: instances of another version are ignored, not misread. */
const RELAY_VERSION = 1

/** `from` (the sending instance), then the message. */
export function encodeRelayMessage(from: string, message: RelayMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, RELAY_VERSION)
  encoding.writeVarString(encoder, from)
  encoding.writeVarUint(encoder, message.kind)
  switch (message.kind) {
    case RelayKind.Update:
      encoding.writeVarUint8Array(encoder, message.update)
      break
    case RelayKind.Awareness:
      encoding.writeVarUint8Array(encoder, message.awareness)
      break
    case RelayKind.SyncRequest:
      encoding.writeVarUint8Array(encoder, message.stateVector)
      break
    case RelayKind.SyncReply:
      encoding.writeVarString(encoder, message.to)
      encoding.writeVarUint8Array(encoder, message.update)
      encoding.writeVarUint8Array(encoder, message.awareness)
      encoding.writeVarUint8Array(encoder, message.stateVector)
      break
  }
  return encoding.toUint8Array(encoder)
}

/** The message, or null for bytes that are not one of this version's. */
export function decodeRelayMessage(bytes: Uint8Array): ReceivedRelayMessage | null {
  try {
    const decoder = decoding.createDecoder(bytes)
    if (decoding.readVarUint(decoder) !== RELAY_VERSION) return null
    const from = decoding.readVarString(decoder)
    const kind = decoding.readVarUint(decoder)
    let message: RelayMessage
    switch (kind) {
      case RelayKind.Update:
        message = { kind, update: decoding.readVarUint8Array(decoder) }
        break
      case RelayKind.Awareness:
        message = { kind, awareness: decoding.readVarUint8Array(decoder) }
        break
      case RelayKind.SyncRequest:
        message = { kind, stateVector: decoding.readVarUint8Array(decoder) }
        break
      case RelayKind.SyncReply:
        message = {
          kind,
          to: decoding.readVarString(decoder),
          update: decoding.readVarUint8Array(decoder),
          awareness: decoding.readVarUint8Array(decoder),
          stateVector: decoding.readVarUint8Array(decoder),
        }
        break
      default:
        return null
    }
    return decoding.hasContent(decoder) ? null : { from, message }
  } catch {
    return null
  }
}
