/**
 * @module Cold load of a large board: the holder pushes the board's history (2,000 cards, 5,000
 * edits, about 1 MB), then fresh clients connect one after the other. Measures the time from
 * connect to synced, the bytes the server sent until then, the server's CPU per load and the
 * memory the board takes in the server. For Roundtable, optionally also loads from disk.
 */
import * as Y from 'yjs'
import { BenchClient } from './BenchClient.ts'
import type { LargeBoard } from './board.ts'
import { buildLargeBoard } from './board.ts'
import { collectOwnGarbage, connectHolder, sleep } from './clients.ts'
import type { ColdLoadCommand, LoadResult } from './commands.ts'
import { retainedRssKiB } from './collectGarbage.ts'
import { Window, sampleProcess } from '../proc.ts'
import { median } from '../stats.ts'

const boards = new Map<string, LargeBoard>()

/** The board is built once per load generator and reused, so every peer gets the same bytes. */
export function largeBoard(cards: number, edits: number): LargeBoard {
  const key = `${cards}/${edits}`
  let board = boards.get(key)
  if (board === undefined) boards.set(key, (board = buildLargeBoard(cards, edits)))
  return board
}

export async function coldLoad(command: ColdLoadCommand, harness: readonly number[]): Promise<LoadResult> {
  const { room, seed, cards, edits, fresh, serverPid, inspectPort, metricsUrl } = command
  const notes: string[] = []
  const board = largeBoard(cards, edits)
  const before = await retainedRssKiB(serverPid, inspectPort)
  const holder = await connectHolder(room, seed, 0, () => 0, 'C')
  for (const batch of board.batches) Y.applyUpdate(holder.doc, batch, 'board')
  await holder.roundTrip(60_000)
  const expected = Y.encodeStateVector(holder.doc)
  await sleep(500)
  const holding = await retainedRssKiB(serverPid, inspectPort)

  const times: number[] = []
  const received: number[] = []
  const bytes: number[] = []
  const overhead: number[] = []
  const cpu: number[] = []
  let complete = 0
  // One untimed load first: the first of a sitting would otherwise pay for cold JIT on both sides.
  for (let k = -1; k < fresh; k++) {
    collectOwnGarbage()
    const window = new Window(serverPid, harness)
    const client = new BenchClient(room, { syncTimeoutMs: 60_000 })
    try {
      await client.synced
      const figures = window.close()
      if (k < 0) continue
      times.push(client.syncedAt - client.startedAt)
      received.push(client.step2ReceivedAt - client.startedAt)
      bytes.push(client.bytesUntilSynced)
      // What the server sent beyond the document itself (whose size differs between peers by a
      // few bytes of random client ids in the initial workspace content).
      overhead.push(client.bytesUntilSynced - Y.encodeStateAsUpdate(client.doc).length)
      cpu.push(figures.serverCpuMs)
      if (sameVector(Y.encodeStateVector(client.doc), expected)) complete++
    } catch (err) {
      notes.push(`fresh client ${k}: ${(err as Error).message}`)
    } finally {
      client.close()
    }
    await sleep(200)
  }
  holder.close()

  const figures: Record<string, number> = {
    syncMs: median(times),
    step2Ms: median(received),
    bytesSent: median(bytes),
    overheadBytes: median(overhead),
    sameDocBytes: board.state.length + median(overhead),
    cpuPerLoadMs: median(cpu),
    boardMemoryKiB: holding - before,
    boardBytes: board.state.length,
    incomplete: fresh - complete,
  }
  if (metricsUrl !== undefined) {
    const disk = await loadsFromDisk(command, metricsUrl, expected)
    figures.diskSyncMs = disk.syncMs
    figures.diskCpuPerLoadMs = disk.cpuMs
    notes.push(...disk.notes)
  }
  return { figures, notes }
}

/** Roundtable: with nobody connected the room unloads; each fresh client then loads it from disk. */
async function loadsFromDisk(command: ColdLoadCommand, metricsUrl: string, expected: Uint8Array): Promise<{ syncMs: number; cpuMs: number; notes: string[] }> {
  const notes: string[] = []
  const times: number[] = []
  const cpu: number[] = []
  for (let k = 0; k < command.fresh; k++) {
    collectOwnGarbage()
    if (!(await waitUnloaded(metricsUrl))) {
      notes.push('the room did not unload within 20 s')
      break
    }
    const before = sampleProcess(command.serverPid)
    const client = new BenchClient(command.room, { syncTimeoutMs: 60_000 })
    try {
      await client.synced
      times.push(client.syncedAt - client.startedAt)
      cpu.push(sampleProcess(command.serverPid).cpuMs - before.cpuMs)
      if (!sameVector(Y.encodeStateVector(client.doc), expected)) notes.push('a load from disk missed part of the board')
    } catch (err) {
      notes.push(`load from disk ${k}: ${(err as Error).message}`)
    } finally {
      client.close()
    }
  }
  return { syncMs: median(times), cpuMs: median(cpu), notes }
}

/** Waits until Roundtable's /metrics shows no document in memory. */
async function waitUnloaded(metricsUrl: string): Promise<boolean> {
  const deadline = performance.now() + 20_000
  while (performance.now() < deadline) {
    const text = await (await fetch(metricsUrl)).text()
    if (/^roundtable_rooms 0$/m.test(text)) return true
    await sleep(100)
  }
  return false
}

function sameVector(a: Uint8Array, b: Uint8Array): boolean {
  const da = Y.decodeStateVector(a)
  const db = Y.decodeStateVector(b)
  if (da.size !== db.size) return false
  for (const [client, clock] of da) if (db.get(client) !== clock) return false
  return true
}
