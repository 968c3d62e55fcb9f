/**
 * @module Asks a server process for a full garbage collection before its VmRSS is read, so memory
 * per connection counts what the server keeps, not how much garbage it had not collected yet.
 * Every peer is started with `--inspect-port`; SIGUSR1 opens Node's inspector there and the
 * DevTools protocol's HeapProfiler.collectGarbage runs the collection. Same for every peer.
 */
import WebSocket from 'ws'
import { processRssKiB } from '../proc.ts'

const sessions = new Map<number, Promise<WebSocket>>()
let nextId = 1

async function session(pid: number, port: number): Promise<WebSocket> {
  let open = sessions.get(pid)
  if (open === undefined) {
    open = (async () => {
      process.kill(pid, 'SIGUSR1')
      const deadline = performance.now() + 10_000
      let url: string | undefined
      while (url === undefined) {
        try {
          const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[]
          url = targets[0]?.webSocketDebuggerUrl
        } catch {
          // Not listening yet.
        }
        if (url === undefined) {
          if (performance.now() > deadline) throw new Error(`no inspector on port ${port} for pid ${pid}`)
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
      }
      const ws = new WebSocket(url, { perMessageDeflate: false })
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve())
        ws.once('error', reject)
      })
      ws.on('error', () => {})
      ws.on('close', () => sessions.delete(pid))
      return ws
    })()
    sessions.set(pid, open)
    open.catch(() => sessions.delete(pid))
  }
  return open
}

/** Runs a full GC in `pid` (twice: the second one frees what the first one's finalizers let go). */
export async function collectGarbage(pid: number, port: number): Promise<void> {
  const ws = await session(pid, port)
  for (let round = 0; round < 2; round++) {
    const id = nextId++
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('collectGarbage timed out')), 20_000)
      const onMessage = (data: Buffer) => {
        const reply = JSON.parse(data.toString()) as { id?: number }
        if (reply.id !== id) return
        clearTimeout(timer)
        ws.off('message', onMessage)
        resolve()
      }
      ws.on('message', onMessage)
      ws.send(JSON.stringify({ id, method: 'HeapProfiler.collectGarbage' }))
    })
  }
}

/**
 * Closes every inspector session. A process with a session attached waits for the debugger to
 * disconnect before it exits, so this runs after every scenario, before the server is stopped.
 */
export async function closeSessions(): Promise<void> {
  const open = [...sessions.values()]
  sessions.clear()
  await Promise.all(
    open.map(async (session) => {
      const ws = await session.catch(() => null)
      if (ws === null || ws.readyState === WebSocket.CLOSED) return
      await new Promise<void>((resolve) => {
        ws.once('close', () => resolve())
        ws.close()
        setTimeout(resolve, 1_000).unref()
      })
    }),
  )
}

/** How long RSS is watched after the collection, and how often. */
const SETTLE_MS = 1_000
const SETTLE_STEP_MS = 100

/**
 * VmRSS of `pid` in KiB after a full garbage collection: the lowest reading over the second after
 * it. V8 hands freed pages back to the system from a background thread, after the collection
 * returns; reading at once would count some of them, more or fewer from one run to the next.
 */
export async function retainedRssKiB(pid: number, port: number): Promise<number> {
  await collectGarbage(pid, port)
  let lowest = processRssKiB(pid)
  for (let waited = 0; waited < SETTLE_MS; waited += SETTLE_STEP_MS) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_STEP_MS))
    lowest = Math.min(lowest, processRssKiB(pid))
  }
  return lowest
}
