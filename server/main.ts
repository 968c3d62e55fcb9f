/**
 * @module Boot: read env, prepare DATA_DIR and the client bundle, listen, stop cleanly on
 * SIGTERM/SIGINT. Nothing imports this file.
 */
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { ConfigError, DEFAULT_CLIENT_DIR, PROJECT_ROOT, baseUrl, readConfig } from './config.ts'
import { startServer } from './start.ts'
import { DirectoryInUseError } from './storage/DirectoryLock.ts'
import type { RunningServer } from './start.ts'

/** A failure to start that the operator can fix: printed without a stack trace, exit code 1. */
class StartupError extends Error {}

async function main(): Promise<void> {
  const config = readConfig()
  await ensureDataDir(config.dataDir)
  await ensureClient(config.clientDir)

  let running: RunningServer
  try {
    running = await startServer(config)
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    if (e.syscall === 'listen') throw new StartupError(`cannot listen on ${baseUrl(config.host, config.port)}: ${listenProblem(e)}`)
    if (err instanceof DirectoryInUseError) throw new StartupError(err.message)
    throw err
  }
  console.log(`Roundtable listening on ${running.url}`)
  if (running.demo !== undefined) {
    const { name, links } = running.demo
    console.log(`Demo workspace "${name}":\n  owner:  ${links.owner}\n  editor: ${links.editor}\n  viewer: ${links.viewer}`)
  }

  const stop = () => {
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`Roundtable: shutdown failed: ${(err as Error).message}`)
        process.exit(1)
      },
    )
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
