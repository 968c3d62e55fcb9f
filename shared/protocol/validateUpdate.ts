/**
 * @module Checks an encoded Yjs update (format v1, what y-websocket sends) before it may touch a
 * document. It walks every struct and delete range with lib0 alone: nothing is allocated because a
 * header claims it, nested values are skipped without recursion, and it is at least as strict as
 * Yjs' own reader, so an update it accepts decodes without throwing. On the way it can tell whether
 * the update comes near items someone watches (the server's owner-only cycle fields), so that only
 * such updates pay for a closer look.
 */
import * as decoding from 'lib0/decoding'
import { exceedsDepth } from './jsonDepth.ts'

export const UpdateProblem = {
  /** Not a v1 update, or a structure Yjs would choke on mid-transaction (see the checks below). */
  Malformed: 'malformed',
  /** The legacy JSON content type (ContentJSON): current Yjs never writes it. */
  JsonContent: 'json-content',
  /** A subdocument (ContentDoc): a workspace is one document. */
  Subdocument: 'subdocument',
  /** A value nested deeper than the limit. */
  TooDeep: 'too-deep',
  /** More delete ranges than the limit. */
  TooManyDeletes: 'too-many-deletes',
} as const
export type UpdateProblem = (typeof UpdateProblem)[keyof typeof UpdateProblem]

export interface UpdateLimits {
  /** Deepest nesting of arrays and objects inside a value (ContentAny, embeds, formats). */
  readonly maxDepth: number
  /** Most delete-set ranges in one update. */
  readonly maxDeleteRanges: number
}

/**
 * Items whose neighbourhood an update must not enter unseen. An update "touches" them when one of
 * its structs names a watched item as origin, right origin or parent, or names `root` as its
 * parent, or when a delete range covers a watched clock. The watcher keeps every item whose
 * change it cares about, and every item a new struct could inherit such a place from.
 */
export interface WatchedItems {
  /** True for a root type whose new direct entries are watched. */
  watchesRoot(name: string): boolean
  /** True when one of `client`'s clocks from `clock` to `clock + length - 1` is watched. */
  overlaps(client: number, clock: number, length: number): boolean
}

const NONE: readonly WatchedItems[] = Object.freeze([])

export type UpdateCheck =
  | {
      readonly ok: true
      readonly structs: number
      readonly deleteRanges: number
      /** No structs and no deletes: what a client with nothing new sends as its sync step 2. */
      readonly empty: boolean
      /** It touches the items of some watcher (always false without one). */
      readonly touchesWatched: boolean
      /** The watchers whose items it touches, in the order given (empty, not allocated, when none). */
      readonly touched: readonly WatchedItems[]
    }
  | { readonly ok: false; readonly problem: UpdateProblem; readonly detail: string }

/**
 * Validates `update` against the format and `limits`, and tells which of the watchers in `watch` it
 * touches (per watcher not yet touched, one `overlaps` call per reference and per delete range);
 * never throws.
 */
export function validateUpdate(
  update: Uint8Array,
  limits: UpdateLimits,
  watch?: WatchedItems | readonly WatchedItems[],
): UpdateCheck {
  const watches = watch === undefined ? NONE : Array.isArray(watch) ? (watch as readonly WatchedItems[]) : [watch as WatchedItems]
  if (watches.length > 30) throw new RangeError('at most 30 watchers')
  try {
    return scan(decoding.createDecoder(update), { limits, watches, touched: 0, all: (1 << watches.length) - 1 })
  } catch (err) {
    if (err instanceof Refused) return { ok: false, problem: err.problem, detail: err.message }
    // lib0 throws on truncation, out-of-range varints and invalid UTF-8.
    return { ok: false, problem: UpdateProblem.Malformed, detail: 'truncated, bad number or bad UTF-8' }
  }
}

// ---- the v1 format, as Yjs' readClientsStructRefs and readAndApplyDeleteSet read it ------------

const BITS5 = 0b0001_1111
const BIT6 = 0b0010_0000
const BIT7 = 0b0100_0000
const BIT8 = 0b1000_0000

/** The low five bits of a struct's info byte. */
const ContentRef = {
  GC: 0,
  Deleted: 1,
  Json: 2,
  Binary: 3,
  String: 4,
  Embed: 5,
  Format: 6,
  Type: 7,
  Any: 8,
  Doc: 9,
  Skip: 10,
} as const

/** Yjs' typeRefs: YArray, YMap, YText, YXmlElement, YXmlFragment, YXmlHook, YXmlText. */
const TYPE_REF_COUNT = 7
const TYPE_REF_XML_ELEMENT = 3
const TYPE_REF_XML_HOOK = 5

/** lib0's readAny tags. */
const AnyTag = {
  Undefined: 127,
  Null: 126,
  Int: 125,
  Float32: 124,
  Float64: 123,
  BigInt: 122,
  False: 121,
  True: 120,
  String: 119,
  Object: 118,
  Array: 117,
  Bytes: 116,
} as const

/** What one scan carries: the limits, the watchers, and which of them the update touched. */
interface Scan {
  readonly limits: UpdateLimits
  readonly watches: readonly WatchedItems[]
  /** Bit i: the update touched `watches[i]`. */
  touched: number
  /** Every watcher's bit: once all are touched, nothing more is looked up. */
  readonly all: number
}

class Refused extends Error {
  constructor(
    readonly problem: UpdateProblem,
    detail: string,
  ) {
    super(detail)
  }
}

function refuse(problem: UpdateProblem, detail: string): never {
  throw new Refused(problem, detail)
}

function scan(d: decoding.Decoder, ctx: Scan): UpdateCheck {
  const { limits } = ctx
  let structs = 0
  const clients = new Set<number>()
  const clientCount = readCount(d)
  for (let c = 0; c < clientCount; c++) {
    const structCount = readCount(d)
    const client = decoding.readVarUint(d)
    // Yjs keeps only the last section of a client: an earlier one would silently vanish.
    if (clients.has(client)) refuse(UpdateProblem.Malformed, `client ${client} listed twice`)
    clients.add(client)
    let clock = decoding.readVarUint(d)
    for (let s = 0; s < structCount; s++) {
      clock = advance(clock, scanStruct(d, client, clock, ctx))
      structs++
    }
  }

  let deleteRanges = 0
  const deleteClients = readCount(d)
  for (let c = 0; c < deleteClients; c++) {
    const client = decoding.readVarUint(d)
    const ranges = readCount(d)
    deleteRanges += ranges
    if (deleteRanges > limits.maxDeleteRanges) {
      refuse(UpdateProblem.TooManyDeletes, `more than ${limits.maxDeleteRanges} delete ranges`)
    }
    for (let r = 0; r < ranges; r++) {
      const clock = decoding.readVarUint(d)
      // Yjs re-encodes unapplied deletes with an encoder that throws on an empty range.
      const length = positive(decoding.readVarUint(d), 'delete range')
      advance(clock, length)
      if (ctx.touched !== ctx.all) touchOverlaps(ctx, client, clock, length)
    }
  }
  if (decoding.hasContent(d)) refuse(UpdateProblem.Malformed, 'bytes after the delete set')
  const touched = ctx.touched === 0 ? NONE : ctx.watches.filter((_, i) => (ctx.touched & (1 << i)) !== 0)
  return { ok: true, structs, deleteRanges, empty: structs === 0 && deleteRanges === 0, touchesWatched: ctx.touched !== 0, touched }
}

/** Marks the watchers not yet touched that watch one of `client`'s clocks `clock`..`clock + length - 1`. */
function touchOverlaps(ctx: Scan, client: number, clock: number, length: number): void {
  const { watches } = ctx
  for (let i = 0; i < watches.length; i++) {
    const bit = 1 << i
    if ((ctx.touched & bit) === 0 && watches[i]!.overlaps(client, clock, length)) ctx.touched |= bit
  }
}

/** Marks the watchers not yet touched that watch the root type `name`. */
function touchRoot(ctx: Scan, name: string): void {
  const { watches } = ctx
  for (let i = 0; i < watches.length; i++) {
    const bit = 1 << i
    if ((ctx.touched & bit) === 0 && watches[i]!.watchesRoot(name)) ctx.touched |= bit
  }
}

/** Returns the struct's length (the clocks it spans). */
function scanStruct(d: decoding.Decoder, client: number, clock: number, ctx: Scan): number {
  const info = readByte(d)
  const ref = info & BITS5
  if (ref === ContentRef.GC) return positive(decoding.readVarUint(d), 'GC')
  if (ref === ContentRef.Skip) {
    // Yjs writes a skip as the bare ref; flag bits on it mean someone else wrote this.
    if (info !== ContentRef.Skip) refuse(UpdateProblem.Malformed, 'skip with flags')
    return positive(decoding.readVarUint(d), 'skip')
  }
  const hasOrigin = (info & BIT8) !== 0
  const hasRightOrigin = (info & BIT7) !== 0
  if (hasOrigin) readReference(d, client, clock, 'origin', ctx)
  if (hasRightOrigin) readReference(d, client, clock, 'right origin', ctx)
  if (!hasOrigin && !hasRightOrigin) {
    // Without neighbours the parent is written out: a root type's name (info 1) or an item id.
    if (decoding.readVarUint(d) === 1) {
      const root = decoding.readVarString(d)
      if (ctx.touched !== ctx.all) touchRoot(ctx, root)
    } else {
      readReference(d, client, clock, 'parent', ctx)
    }
    if ((info & BIT6) !== 0) decoding.readVarString(d) // key in a map
  }
  return scanContent(d, ref, ctx.limits)
}

/**
 * A struct may only point at structs that existed when it was made; of its own client those have
 * smaller clocks. Yjs checks other clients' ids (missing ones wait as pending) but not its own
 * client's, and would throw half-way through integrating an update that points forward.
 */
function readReference(d: decoding.Decoder, client: number, clock: number, what: string, ctx: Scan): void {
  const refClient = decoding.readVarUint(d)
  const refClock = decoding.readVarUint(d)
  if (refClient === client && refClock >= clock) {
    refuse(UpdateProblem.Malformed, `${what} ${refClient}:${refClock} is not older than ${client}:${clock}`)
  }
  if (ctx.touched !== ctx.all) touchOverlaps(ctx, refClient, refClock, 1)
}

function scanContent(d: decoding.Decoder, ref: number, limits: UpdateLimits): number {
  switch (ref) {
    case ContentRef.Deleted:
      return positive(decoding.readVarUint(d), 'deleted content')
    case ContentRef.Json:
      return refuse(UpdateProblem.JsonContent, 'legacy JSON content')
    case ContentRef.Binary:
      decoding.readVarUint8Array(d)
      return 1
    case ContentRef.String:
      // Yjs counts a string's length in UTF-16 code units.
      return positive(decoding.readVarString(d).length, 'string')
    case ContentRef.Embed:
      checkJson(decoding.readVarString(d), limits)
      return 1
    case ContentRef.Format:
      decoding.readVarString(d) // attribute name
      checkJson(decoding.readVarString(d), limits)
      return 1
    case ContentRef.Type: {
      const typeRef = decoding.readVarUint(d)
      if (typeRef >= TYPE_REF_COUNT) refuse(UpdateProblem.Malformed, `unknown type ref ${typeRef}`)
      if (typeRef === TYPE_REF_XML_ELEMENT || typeRef === TYPE_REF_XML_HOOK) decoding.readVarString(d)
      return 1
    }
    case ContentRef.Any: {
      const count = readCount(d)
      for (let i = 0; i < count; i++) skipAny(d, limits.maxDepth)
      return positive(count, 'any content')
    }
    case ContentRef.Doc:
      return refuse(UpdateProblem.Subdocument, 'subdocument')
    default:
      return refuse(UpdateProblem.Malformed, `unknown content ref ${ref}`)
  }
}

/**
 * Skips one lib0 `readAny` value without building it and without recursion: `remaining` holds, per
 * open array or object, how many children are still to come.
 */
function skipAny(d: decoding.Decoder, maxDepth: number): void {
  const remaining: number[] = []
  const isObject: boolean[] = []
  for (let first = true; ; first = false) {
    if (!first) {
      while (remaining.length > 0 && remaining[remaining.length - 1] === 0) {
        remaining.pop()
        isObject.pop()
      }
      if (remaining.length === 0) return
      remaining[remaining.length - 1]! -= 1
      if (isObject[isObject.length - 1]) {
        // lib0 assigns `obj[key] = value`: this key would replace the object's prototype.
        if (decoding.readVarString(d) === '__proto__') refuse(UpdateProblem.Malformed, '__proto__ key')
      }
    }
    const tag = readByte(d)
    switch (tag) {
      case AnyTag.Undefined:
      case AnyTag.Null:
      case AnyTag.False:
      case AnyTag.True:
        break
      case AnyTag.Int:
        // lib0's readVarInt reads its first byte unchecked.
        if (!decoding.hasContent(d)) refuse(UpdateProblem.Malformed, 'truncated integer')
        decoding.readVarInt(d)
        break
      case AnyTag.Float32:
        decoding.readUint8Array(d, 4)
        break
      case AnyTag.Float64:
      case AnyTag.BigInt:
        decoding.readUint8Array(d, 8)
        break
      case AnyTag.String:
        decoding.readVarString(d)
        break
      case AnyTag.Bytes:
        decoding.readVarUint8Array(d)
        break
      case AnyTag.Object:
      case AnyTag.Array:
        if (remaining.length + 1 > maxDepth) refuse(UpdateProblem.TooDeep, `value nested deeper than ${maxDepth}`)
        remaining.push(readCount(d))
        isObject.push(tag === AnyTag.Object)
        break
      default:
        refuse(UpdateProblem.Malformed, `unknown value tag ${tag}`)
    }
  }
}

function checkJson(text: string, limits: UpdateLimits): void {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    refuse(UpdateProblem.Malformed, 'embed or format that is not JSON')
  }
  if (exceedsDepth(value, limits.maxDepth)) refuse(UpdateProblem.TooDeep, `value nested deeper than ${limits.maxDepth}`)
}

/** A count of things that each take at least one byte: more than the bytes left is a lie. */
function readCount(d: decoding.Decoder): number {
  const count = decoding.readVarUint(d)
  if (count > d.arr.length - d.pos) refuse(UpdateProblem.Malformed, `count ${count} beyond the message`)
  return count
}

/** lib0's readUint8 does not check bounds. */
function readByte(d: decoding.Decoder): number {
  if (d.pos >= d.arr.length) refuse(UpdateProblem.Malformed, 'truncated')
  return d.arr[d.pos++]!
}

/** Zero-length structs would share their id with the next struct and corrupt the store. */
function positive(length: number, what: string): number {
  if (length <= 0) refuse(UpdateProblem.Malformed, `empty ${what}`)
  return length
}

function advance(clock: number, length: number): number {
  const end = clock + length
  if (end > Number.MAX_SAFE_INTEGER) refuse(UpdateProblem.Malformed, 'clock out of range')
  return end
}
