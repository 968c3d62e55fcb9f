/**
 * @module The load generator: a child process of the orchestrator (bench/run.ts) that runs one
 * scenario at a time on real clients (yjs, y-protocols, ws) and answers with its figures. It never
 * imports the server's code, and measures the server only through /proc, except in the checkpoint
 * scenario's in-process half (Roundtable only: checkpointCosts.ts).
 */
import * as Y from 'yjs'
import { BenchClient } from './BenchClient.ts'
import { checkpointScenario } from './checkpoint.ts'
import { closeSessions } from './collectGarbage.ts'
import { coldLoad } from './coldLoad.ts'
import type { ChildMessage, DurabilityReply, DurabilityRequest, LoadCommand, LoadResult, ParentMessage } from './commands.ts'
import { durability } from './durability.ts'
import { fanOut } from './fanOut.ts'
import { held } from './held.ts'
import { followLatency } from './meeting.ts'
import { storm } from './storm.ts'
import { throughput } from './throughput.ts'

if (process.send === undefined) {
  console.error('bench/load/load.ts runs as a child of bench/run.ts (npm run bench)')
  process.exit(1)
}

/** The orchestrator and this process: their CPU is the harness', not "other processes'". */
const harness = [process.pid, process.ppid]
const replies = new Map<number, (reply: DurabilityReply) => void>()
let nextRequest = 1

function send(message: ChildMessage): void {
  process.send!(message)
}

function ask(body: DurabilityRequest): Promise<DurabilityReply> {
  const id = nextRequest++
  return new Promise((resolve) => {
    replies.set(id, resolve)
    send({ type: 'request', id, body })
  })
}

async function run(command: LoadCommand): Promise<LoadResult> {
  switch (command.kind) {
    case 'fan-out':
      return fanOut(command, harness)
    case 'held':
      return held(command, harness)
    case 'storm':
      return storm(command, harness)
    case 'cold-load':
      return coldLoad(command, harness)
    case 'throughput':
      return throughput(command, harness)
    case 'durability':
      return durability(command, ask)
    case 'meeting':
      return followLatency(command, harness)
    case 'checkpoint':
      return checkpointScenario(command, harness)
    case 'capture': {
      const client = new BenchClient(command.room, { syncTimeoutMs: 30_000 })
      try {
        await client.synced
        return { figures: {}, notes: [], bytes: Y.encodeStateAsUpdate(client.doc) }
      } finally {
        client.close()
      }
    }
    default:
      return unknownCommand(command)
  }
}

process.on('message', (message: ParentMessage) => {
  switch (message.type) {
    case 'run':
      run(message.command)
        .finally(closeSessions)
        .then(
        (result) => send({ type: 'result', id: message.id, result }),
        (err: unknown) => send({ type: 'error', id: message.id, message: (err as Error)?.stack ?? String(err) }),
      )
      return
    case 'reply':
      replies.get(message.id)?.(message.body)
      replies.delete(message.id)
      return
    case 'exit':
      process.exit(0)
      return
    default:
      unknownMessage(message)
  }
})
// The orchestrator died: so do we.
process.on('disconnect', () => process.exit(0))
send({ type: 'ready' })

function unknownCommand(command: never): never {
  throw new Error(`unknown command ${JSON.stringify(command)}`)
}

function unknownMessage(message: never): never {
  throw new Error(`unknown message ${JSON.stringify(message)}`)
}
