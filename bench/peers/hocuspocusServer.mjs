/**
 * @module Hocuspocus as the benchmark runs it: `new Server()` with no extensions (documents in
 * memory only), listening on HOST:PORT. Plain JavaScript so that no loader sits in the process.
 */
import { Server } from '@hocuspocus/server'

const server = new Server({
  port: Number(process.env.PORT ?? 1234),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
})
await server.listen()
console.log(`hocuspocus listening on ${process.env.HOST}:${server.address.port}`)
