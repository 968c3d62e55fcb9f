/**
 * @module One connection that LISTENs for the other instances' changes (registry, ballots):
 * PostgreSQL delivers a NOTIFY to every listener once the transaction that sent it commits. When
 * the connection drops it reconnects with backoff and tells its users to reload everything, since
 * notifications sent meanwhile are lost.
 */
import pg from 'pg'
import { backoffMs, sleep } from './retry.ts'

type Handler = (payload: string) => void

export class PgListener {
  readonly #url: string
  readonly #log: (message: string) => void
  readonly #handlers = new Map<string, Handler[]>()
  readonly #reconnected: (() => void)[] = []
  #client: pg.Client | null = null
  #closed = false

  private constructor(url: string, log: (message: string) => void) {
    this.#url = url
    this.#log = log
  }

  /** Connects (rejects if the database cannot be reached now). */
  static async open(url: string, log: (message: string) => void = () => {}): Promise<PgListener> {
    const listener = new PgListener(url, log)
    await listener.#connect()
    return listener
  }

  /** Calls `handler` with each notification's payload on `channel` (a plain identifier). */
  async listen(channel: string, handler: Handler): Promise<void> {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel ${channel}`)
    const list = this.#handlers.get(channel)
    if (list !== undefined) return void list.push(handler)
    this.#handlers.set(channel, [handler])
    await this.#client?.query(`LISTEN ${channel}`)
  }

  /** Calls `fn` after each reconnection: whatever was notified while away was missed. */
  onReconnect(fn: () => void): void {
    this.#reconnected.push(fn)
  }

  async close(): Promise<void> {
    this.#closed = true
    await this.#client?.end().catch(() => {})
    this.#client = null
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#url, connectionTimeoutMillis: 5_000 })
    client.on('notification', (message) => {
      for (const handler of this.#handlers.get(message.channel) ?? []) handler(message.payload ?? '')
    })
    client.on('error', (error) => this.#log(`postgres listener: ${error.message}`))
    client.on('end', () => {
      if (this.#client !== client || this.#closed) return
      this.#client = null
      void this.#reconnect()
    })
    await client.connect()
    for (const channel of this.#handlers.keys()) await client.query(`LISTEN ${channel}`)
    this.#client = client
  }

  async #reconnect(): Promise<void> {
    for (let attempt = 0; !this.#closed; attempt++) {
      await sleep(backoffMs(attempt))
      if (this.#closed) return
      try {
        await this.#connect()
        for (const fn of this.#reconnected) fn()
        return
      } catch {
        // still away: try again
      }
    }
  }
}
