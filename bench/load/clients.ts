/**
 * @module Helpers the scenarios share: a room's holder (the client that keeps the document open
 * and seeds it before anything is measured), waiting for quiet, convergence checks.
 */
import * as Y from 'yjs'
import { BenchClient } from './BenchClient.ts'
import type { BenchClientOptions, RoomAddress } from './BenchClient.ts'
import { createCards } from './board.ts'
import type { LatencyTracker } from './LatencyTracker.ts'
import { Window } from '../proc.ts'
import type { WindowFigures } from '../proc.ts'

/** A full GC in the load generator (started with --expose-gc), so its own garbage does not land in a measurement. */
export function collectOwnGarbage(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

/**
 * Waits out the warm-up, then measures for `measureMs`: the latencies `tracker` sees, and the
 * server's and the machine's CPU over the same window.
 */
export async function measure(
  tracker: LatencyTracker,
  serverPid: number,
  harness: readonly number[],
  warmupMs: number,
  measureMs: number,
): Promise<WindowFigures> {
  await sleep(warmupMs)
  collectOwnGarbage()
  tracker.openWindow()
  const window = new Window(serverPid, harness)
  await sleep(measureMs)
  tracker.closeWindow()
  return window.close()
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Polls `condition` every `stepMs` until it holds; false if `timeoutMs` passed first. */
export async function waitFor(condition: () => boolean, timeoutMs: number, stepMs = 20): Promise<boolean> {
  const deadline = performance.now() + timeoutMs
  while (!condition()) {
    if (performance.now() >= deadline) return false
    await sleep(stepMs)
  }
  return true
}

/**
 * Connects the client that holds `room` open for the whole run (Hocuspocus unloads a document
 * nobody is connected to) and seeds it: `seed` (the initial workspace content the other peers
 * lack), then `cards` cards. Resolves once the server has all of it.
 */
export async function connectHolder(room: RoomAddress, seed: Uint8Array | undefined, cards: number, random: () => number, prefix: string): Promise<BenchClient> {
  const holder = new BenchClient(room, { syncTimeoutMs: 30_000 })
  await holder.synced
  if (seed !== undefined) Y.applyUpdate(holder.doc, seed, 'seed')
  if (cards > 0) {
    // One update for all cards: a single message per room keeps the seeding quick.
    holder.doc.transact(() => createCards(holder.doc, cards, random, prefix))
  }
  await holder.roundTrip()
  return holder
}

/** Connects `count` clients `concurrency` at a time; every client ends synced or failed. */
export async function connectGradually(
  rooms: readonly RoomAddress[],
  count: number,
  options: (i: number) => BenchClientOptions,
  concurrency = 25,
): Promise<BenchClient[]> {
  const clients: BenchClient[] = []
  for (let i = 0; i < count; i += concurrency) {
    const batch: BenchClient[] = []
    for (let j = i; j < Math.min(count, i + concurrency); j++) batch.push(new BenchClient(rooms[j % rooms.length]!, options(j)))
    await Promise.allSettled(batch.map((c) => c.synced))
    clients.push(...batch)
  }
  return clients
}

/** Waits until no client received a frame for `quietMs` (awareness traffic settled), at most `maxMs`. */
export async function waitQuiet(clients: readonly BenchClient[], quietMs: number, maxMs: number): Promise<boolean> {
  const deadline = performance.now() + maxMs
  let last = -1
  let since = performance.now()
  for (;;) {
    let frames = 0
    for (const c of clients) frames += c.framesIn
    const now = performance.now()
    if (frames !== last) {
      last = frames
      since = now
    } else if (now - since >= quietMs) {
      return true
    }
    if (now >= deadline) return false
    await sleep(Math.min(50, quietMs / 4))
  }
}

/** True when every doc has the same state vector and delete set. */
export function sameState(docs: readonly Y.Doc[]): boolean {
  if (docs.length < 2) return true
  const first = Y.snapshot(docs[0]!)
  return docs.every((doc, i) => i === 0 || Y.equalSnapshots(first, Y.snapshot(doc)))
}

/** True when `doc` holds at least the clocks in `clocks`. */
export function hasClocks(doc: Y.Doc, clocks: ReadonlyMap<number, number>): boolean {
  for (const [client, clock] of clocks) if (Y.getState(doc.store, client) < clock) return false
  return true
}

/**
 * Convergence of one room: its clients and holder agree, and a fresh client that syncs now (what
 * the server holds) agrees with them too.
 */
export async function roomConverged(room: RoomAddress, docs: readonly Y.Doc[]): Promise<boolean> {
  const verifier = new BenchClient(room, { syncTimeoutMs: 20_000 })
  try {
    await verifier.synced
    return sameState([...docs, verifier.doc])
  } catch {
    return false
  } finally {
    verifier.close()
  }
}

export function closeAll(clients: readonly BenchClient[]): void {
  for (const c of clients) c.close()
}

/** Failures among `clients`, with the first few reasons. */
export function failures(clients: readonly BenchClient[]): { count: number; reasons: string[] } {
  const failed = clients.filter((c) => c.failure !== null)
  const reasons = [...new Set(failed.map((c) => c.failure!))].slice(0, 3)
  return { count: failed.length, reasons }
}

/** A small presence state, like the client's (name and colour). */
export function presence(i: number): Record<string, unknown> {
  return { user: { name: `Bench ${i}`, color: `#${((i * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}` } }
}
