/**
 * @module The orchestrator's handle on the load generator (bench/load/load.ts): a child process
 * with an IPC channel, one command at a time. Started through a shell only to raise its open-files
 * limit to the hard limit (a thousand sockets and more); `exec` keeps the pid.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { ChildMessage, DurabilityReply, DurabilityRequest, LoadCommand, LoadResult, ParentMessage } from './load/commands.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

export type RequestHandler = (request: DurabilityRequest) => Promise<DurabilityReply>

export class LoadGenerator {
  readonly #child: ChildProcess
  readonly #ready: Promise<void>
  readonly #pending = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }>()
  #onRequest: RequestHandler | null = null
  #nextId = 1
  #exited = false

  constructor() {
    this.#child = spawn(
      '/bin/sh',
      ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"', 'sh', process.execPath, '--expose-gc', '--import', 'tsx', 'bench/load/load.ts'],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' },
    )
    this.#ready = new Promise((resolve, reject) => {
      this.#child.once('message', (message: ChildMessage) => (message.type === 'ready' ? resolve() : reject(new Error('load generator did not start'))))
      this.#child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)))
    })
    this.#child.on('message', (message: ChildMessage) => this.#receive(message))
    this.#child.on('exit', (code) => {
      this.#exited = true
      for (const { reject } of this.#pending.values()) reject(new Error(`load generator exited with ${code}`))
      this.#pending.clear()
    })
  }

  get pid(): number {
    return this.#child.pid!
  }

  /** Runs one scenario; `onRequest` answers the durability scenario's kill and restart requests. */
  async run(command: LoadCommand, timeoutMs: number, onRequest?: RequestHandler): Promise<LoadResult> {
    await this.#ready
    if (this.#exited) throw new Error('the load generator is gone')
    const id = this.#nextId++
    this.#onRequest = onRequest ?? null
    const result = new Promise<LoadResult>((resolve, reject) => this.#pending.set(id, { resolve, reject }))
    this.#send({ type: 'run', id, command })
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${command.kind} did not finish within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs)
    })
    try {
      return await Promise.race([result, timeout])
    } finally {
      clearTimeout(timer)
      this.#onRequest = null
    }
  }

  /** Ends the child (by its pid, through its IPC channel first). */
  async stop(): Promise<void> {
    if (this.#exited) return
    const exited = new Promise<void>((resolve) => this.#child.once('exit', () => resolve()))
    try {
      this.#send({ type: 'exit' })
    } catch {
      // Channel already closed.
    }
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
  }

  /** A run timed out: the child may hold a thousand sockets; start afresh. */
  kill(): void {
    if (!this.#exited) this.#child.kill('SIGKILL')
  }

  #send(message: ParentMessage): void {
    this.#child.send(message)
  }

  #receive(message: ChildMessage): void {
    switch (message.type) {
      case 'ready':
        return
      case 'result':
        this.#pending.get(message.id)?.resolve(message.result)
        this.#pending.delete(message.id)
        return
      case 'error':
        this.#pending.get(message.id)?.reject(new Error(message.message))
        this.#pending.delete(message.id)
        return
      case 'request': {
        const handler = this.#onRequest
        if (handler === null) return
        handler(message.body).then(
          (body) => this.#send({ type: 'reply', id: message.id, body }),
          (err: unknown) => {
            console.error(`bench: ${message.body.kind} failed: ${(err as Error).message}`)
            this.kill()
          },
        )
        return
      }
      default:
        unknownMessage(message)
    }
  }
}

function unknownMessage(message: never): never {
  throw new Error(`unknown message ${JSON.stringify(message)}`)
}
