import type { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import * as ws from 'ws'
import { binaryFrame, binaryFrames } from '../../../server/sync/binaryFrame.ts'

/** ws's frame parser: exported at run time, absent from its type declarations. */
const { Receiver } = ws as unknown as {
  Receiver: new (options: { isServer: boolean; maxPayload: number }) => EventEmitter & { write(chunk: Buffer): void }
}

/** Parses `frames` with ws's own client-side receiver (frames from a server are unmasked). */
function parseAll(frames: Buffer, count: number): Promise<{ data: Buffer; isBinary: boolean }[]> {
  return new Promise((resolve, reject) => {
    const messages: { data: Buffer; isBinary: boolean }[] = []
    const receiver = new Receiver({ isServer: false, maxPayload: 0 })
    receiver.on('message', (data: Buffer, isBinary: boolean) => {
      messages.push({ data, isBinary })
      if (messages.length === count) resolve(messages)
    })
    receiver.on('error', reject)
    receiver.write(frames)
  })
}

async function parse(frame: Buffer): Promise<{ data: Buffer; isBinary: boolean }> {
  const [message] = await parseAll(frame, 1)
  return message!
}

function payloadOf(length: number, seed: number): Uint8Array {
  return new Uint8Array(length).map((_, i) => (i * 31 + seed) & 0xff)
}

describe('binaryFrame', () => {
  // The three length encodings of RFC 6455 and their edges: 7 bits, 16 bits, 64 bits.
  for (const length of [0, 1, 125, 126, 65_535, 65_536, 200_000]) {
    it(`frames a payload of ${length} bytes that ws reads back as one binary message`, async () => {
      const payload = payloadOf(length, 0)
      const frame = binaryFrame(payload)
      const headerBytes = length < 126 ? 2 : length < 65_536 ? 4 : 10
      expect(frame.length).toBe(headerBytes + length)
      const { data, isBinary } = await parse(frame)
      expect(isBinary).toBe(true)
      expect(Buffer.compare(data, Buffer.from(payload))).toBe(0)
    })
  }

  it('frames several payloads into one buffer that ws reads back as those messages, in order', async () => {
    const payloads = [0, 3, 125, 126, 70_000, 1].map((length, i) => payloadOf(length, i))
    const frames = binaryFrames(payloads)
    expect(frames.length).toBe(payloads.reduce((sum, p) => sum + binaryFrame(p).length, 0))
    const messages = await parseAll(frames, payloads.length)
    expect(messages.every((m) => m.isBinary)).toBe(true)
    expect(messages.map((m, i) => Buffer.compare(m.data, Buffer.from(payloads[i]!)))).toEqual(payloads.map(() => 0))
  })
})
