/** decodeClientMessage and decodeAwarenessUpdate (shared/protocol): one message per frame, strictly. */
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { AwarenessProblem, decodeAwarenessUpdate, parseAwarenessState } from '../../../shared/protocol/decodeAwareness.ts'
import { ClientMessageKind, FrameProblem, decodeClientMessage } from '../../../shared/protocol/decodeMessage.ts'
import { exceedsDepth } from '../../../shared/protocol/jsonDepth.ts'
import { MessageType } from '../../../shared/protocol/index.ts'
import { rawAwareness, syncMessage, updateMessage } from './harness.ts'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('decodeClientMessage', () => {
  it('decodes what y-websocket sends', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'x')
    const step1 = syncMessage((e) => syncProtocol.writeSyncStep1(e, doc))
    const step2 = syncMessage((e) => syncProtocol.writeSyncStep2(e, doc, new Uint8Array([0])))
    const update = updateMessage(Y.encodeStateAsUpdate(doc))
    expect(decodeClientMessage(step1)).toMatchObject({ ok: true, message: { kind: ClientMessageKind.SyncStep1 } })
    expect(decodeClientMessage(step2)).toMatchObject({ ok: true, message: { kind: ClientMessageKind.SyncStep2 } })
    expect(decodeClientMessage(update)).toMatchObject({ ok: true, message: { kind: ClientMessageKind.SyncUpdate } })
    expect(decodeClientMessage(rawAwareness([{ clientId: 1, clock: 1, json: '{}' }]))).toMatchObject({
      ok: true,
      message: { kind: ClientMessageKind.Awareness },
    })
    expect(decodeClientMessage(Uint8Array.of(MessageType.QueryAwareness))).toEqual({
      ok: true,
      message: { kind: ClientMessageKind.QueryAwareness },
    })
  })

  it('hands over payloads as views, without copying', () => {
    const frame = updateMessage(Uint8Array.of(0, 0))
    const decoded = decodeClientMessage(frame)
    if (!decoded.ok || decoded.message.kind !== ClientMessageKind.SyncUpdate) throw new Error('not an update')
    expect(decoded.message.update.buffer).toBe(frame.buffer)
  })

  it.each([
    ['empty', []],
    ['truncated payload', [0, 2, 5, 0]],
    ['trailing byte', [0, 2, 2, 0, 0, 9]],
    ['state vector claiming more pairs than bytes', [0, 0, 2, 100, 1]],
    ['varint past 2^53', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]],
  ])('refuses a malformed frame: %s', (_name, bytes) => {
    expect(decodeClientMessage(Uint8Array.from(bytes))).toEqual({ ok: false, problem: FrameProblem.Malformed })
  })

  it.each([
    ['auth', [MessageType.Auth, 0]],
    ['type 42', [42]],
    ['sync step 3', [0, 3, 0]],
  ])('refuses a message type clients may not send: %s', (_name, bytes) => {
    expect(decodeClientMessage(Uint8Array.from(bytes))).toEqual({ ok: false, problem: FrameProblem.UnknownType })
  })
})

describe('decodeAwarenessUpdate', () => {
  it('reads entries and leaves states unparsed', () => {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 2)
    for (const [id, json] of [[7, '{"a":1}'], [8, 'null']] as const) {
      encoding.writeVarUint(e, id)
      encoding.writeVarUint(e, 3)
      encoding.writeVarString(e, json)
    }
    const entries = decodeAwarenessUpdate(encoding.toUint8Array(e))
    expect(entries?.map((x) => [x.clientId, x.clock, new TextDecoder().decode(x.state)])).toEqual([
      [7, 3, '{"a":1}'],
      [8, 3, 'null'],
    ])
  })

  it('refuses counts beyond the bytes and trailing bytes', () => {
    expect(decodeAwarenessUpdate(Uint8Array.of(200, 1))).toBeNull()
    expect(decodeAwarenessUpdate(Uint8Array.of(0, 0))).toBeNull()
    expect(decodeAwarenessUpdate(Uint8Array.of(1, 1, 1))).toBeNull()
  })

  it('parses states within the limits only', () => {
    const limits = { maxBytes: 50, maxDepth: 2 }
    expect(parseAwarenessState(utf8('{"user":{"name":"Ada"}}'), limits)).toEqual({
      ok: true,
      state: { user: { name: 'Ada' } },
    })
    expect(parseAwarenessState(utf8('null'), limits)).toEqual({ ok: true, state: null })
    expect(parseAwarenessState(utf8(`{"x":"${'y'.repeat(60)}"}`), limits)).toMatchObject({ problem: AwarenessProblem.TooLarge })
    expect(parseAwarenessState(utf8('{"a":{"b":{}}}'), limits)).toMatchObject({ problem: AwarenessProblem.TooDeep })
    expect(parseAwarenessState(utf8('"text"'), limits)).toMatchObject({ problem: AwarenessProblem.Malformed })
    expect(parseAwarenessState(Uint8Array.of(0xff, 0xfe), limits)).toMatchObject({ problem: AwarenessProblem.Malformed })
  })
})

describe('exceedsDepth', () => {
  it('counts containers, not scalars', () => {
    expect(exceedsDepth(1, 0)).toBe(false)
    expect(exceedsDepth([], 0)).toBe(true)
    expect(exceedsDepth({ a: [1] }, 2)).toBe(false)
    expect(exceedsDepth({ a: [[1]] }, 2)).toBe(true)
  })
})
