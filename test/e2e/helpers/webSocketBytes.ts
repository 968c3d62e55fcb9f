/**
 * @module Websocket bytes a page receives, from Chromium's own view of its frames (CDP
 * Network.webSocketFrameReceived): the warm-load e2e and the client benchmark count them.
 */
import { Buffer } from 'node:buffer'
import type { CDPSession } from 'playwright-core'

/** Bytes of every websocket frame the page receives (CDP), counted since the last `take()`. */
export async function countWebSocketBytes(cdp: CDPSession): Promise<{ take(): number }> {
  let bytes = 0
  cdp.on('Network.webSocketFrameReceived', ({ response }) => {
    // Binary frames (opcode 2) come base64-encoded, text frames as they are.
    bytes += response.opcode === 2 ? Buffer.from(response.payloadData, 'base64').length : Buffer.byteLength(response.payloadData)
  })
  await cdp.send('Network.enable')
  return {
    take() {
      const taken = bytes
      bytes = 0
      return taken
    },
  }
}
