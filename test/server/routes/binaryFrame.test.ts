import type { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import * as ws from 'ws'
import { binaryFrame } from '../../../server/routes/binaryFrame.ts'

/** ws's frame parser: exported at run time, absent from its type declarations. */
const { Receiver } = ws as unknown as {
  Receiver: new (options: { isServer: boolean; maxPayload: number }) => EventEmitter & { write(chunk: Buffer): void }
}

/** Parses `frame` with ws's own client-side receiver (frames from a server are unmasked). */
function parse(frame: Buffer): Promise<{ data: Buffer; isBinary: boolean }> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false, maxPayload: 0 })
    receiver.on('message', (data: Buffer, isBinary: boolean) => resolve({ data, isBinary }))
    receiver.on('error', reject)
    receiver.write(frame)
  })
}

describe('binaryFrame', () => {
  // The three length encodings of RFC 6455 and their edges: 7 bits, 16 bits, 64 bits.
  for (const length of [0, 1, 125, 126, 65_535, 65_536, 200_000]) {
    it(`frames a payload of ${length} bytes that ws reads back as one binary message`, async () => {
      const payload = new Uint8Array(length).map((_, i) => (i * 31) & 0xff)
      const frame = binaryFrame(payload)
      const headerBytes = length < 126 ? 2 : length < 65_536 ? 4 : 10
      expect(frame.length).toBe(headerBytes + length)
      const { data, isBinary } = await parse(frame)
      expect(isBinary).toBe(true)
      expect(Buffer.compare(data, Buffer.from(payload))).toBe(0)
    })
  }
})
