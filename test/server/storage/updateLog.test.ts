/** @module The update-log record format and its checksum. */
import { describe, expect, it } from 'vitest'
import { crc32 } from '../../../server/storage/crc32.ts'
import { decodeRecords, encodeRecords, RECORD_HEADER_BYTES } from '../../../server/storage/updateLog.ts'

describe('crc32', () => {
  it('matches the standard check values', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array())).toBe(0)
    expect(crc32(new TextEncoder().encode('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339)
  })
})

describe('update log records', () => {
  const payloads = [new Uint8Array([1, 2, 3]), new Uint8Array(), new Uint8Array(300).fill(7)]
  const bytes = encodeRecords(payloads)

  it('frames each payload as [u32 length][u32 crc32][payload], little-endian', () => {
    const view = new DataView(bytes.buffer)
    expect(bytes.byteLength).toBe(3 * RECORD_HEADER_BYTES + 303)
    expect(view.getUint32(0, true)).toBe(3)
    expect(view.getUint32(4, true)).toBe(crc32(payloads[0] as Uint8Array))
    expect([...bytes.subarray(8, 11)]).toEqual([1, 2, 3])
  })

  it('reads back what it wrote', () => {
    expect(decodeRecords(bytes)).toEqual({ records: payloads, validBytes: bytes.byteLength, torn: null })
  })

  it('names where and why it stopped', () => {
    const second = RECORD_HEADER_BYTES + 3
    const third = second + RECORD_HEADER_BYTES
    expect(decodeRecords(bytes.subarray(0, second + 5))).toMatchObject({ validBytes: second, torn: 'short-header' })
    expect(decodeRecords(bytes.subarray(0, bytes.byteLength - 1))).toMatchObject({ validBytes: third, torn: 'short-payload' })
    const flipped = bytes.slice()
    flipped[third + RECORD_HEADER_BYTES + 10] = 8
    expect(decodeRecords(flipped)).toMatchObject({ records: payloads.slice(0, 2), validBytes: third, torn: 'bad-checksum' })
  })
})
