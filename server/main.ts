/**
 * @module Boot: read env, prepare DATA_DIR and the client bundle, listen, stop cleanly on
 * SIGTERM/SIGINT. Nothing imports this file.
 */
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import type { Server } from 'node:http'
import { join, relative } from 'node:path'
import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { ConfigError, DEFAULT_CLIENT_DIR, PROJECT_ROOT, baseUrl, readConfig } from './config.ts'

/** After a stop signal, open connections get this long to finish before they are cut. */
const SHUTDOWN_GRACE_MS = 3_000

/** A failure to start that the operator can fix: printed without a stack trace, exit code 1. */
class StartupError extends Error {}

async function main(): Promise<void> {
  const config = readConfig()
  await ensureDataDir(config.dataDir)
  await ensureClient(config.clientDir)

  const app = createApp({ clientDir: config.clientDir })
  // Without a custom createServer, @hono/node-server returns a node:http Server.
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    console.log(`Roundtable listening on ${baseUrl(config.host, info.port)}`)
  }) as Server

  server.on('error', (err: NodeJS.ErrnoException) => {
    fail(new StartupError(`cannot listen on ${baseUrl(config.host, config.port)}: ${listenProblem(err)}`))
  })

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref()
  }
  // `once`: a second signal gets Node's default handling and ends the process at once.
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

async function ensureDataDir(dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true })
  } catch (err) {
    throw new StartupError(`cannot create DATA_DIR ${dataDir}: ${(err as Error).message}`)
  }
}

/** Builds the client with Vite when the default bundle is missing (first start after a clone). */
async function ensureClient(clientDir: string): Promise<void> {
  if (existsSync(join(clientDir, 'index.html'))) return
  if (clientDir !== DEFAULT_CLIENT_DIR) {
    throw new StartupError(`CLIENT_DIR ${clientDir} has no index.html`)
  }

  console.log(`Building the client into ${relative(process.cwd(), clientDir) || '.'} (first start)...`)
  let vite: typeof import('vite')
  try {
    vite = await import('vite')
  } catch {
    throw new StartupError('the client is not built and Vite is not installed: run `npm ci`, then `npm run build`')
  }
  await vite.build({ configFile: join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn' })
}

function listenProblem(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'EADDRINUSE':
      return 'the port is already in use (set PORT to another one)'
    case 'EACCES':
      return 'permission denied (ports below 1024 need privileges)'
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return 'HOST is not an address of this machine'
    default:
      return err.message
  }
}

function fail(err: unknown): never {
  if (err instanceof ConfigError || err instanceof StartupError) {
    console.error(`Roundtable: ${err.message}`)
  } else {
    console.error('Roundtable failed to start:', err)
  }
  process.exit(1)
}

main().catch(fail)
