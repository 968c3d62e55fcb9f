/**
 * @module Boot: read env, prepare DATA_DIR and the client bundle, listen, stop cleanly on
 * SIGTERM/SIGINT. Nothing imports this file.
 */
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { ClientState, REBUILD_REASON, ViteMissingError, buildClient, checkClientBundle, hashClientInputs } from './clientBundle.ts'
import { ConfigError, DEFAULT_CLIENT_DIR, baseUrl, readConfig } from './config.ts'
import { startServer } from './start.ts'
import { DirectoryInUseError } from './storage/DirectoryLock.ts'
import type { RunningServer } from './start.ts'

/** A failure to start that the operator can fix: printed without a stack trace, exit code 1. */
class StartupError extends Error {}

/**
 * `npm run dev` passes `--dev`: the server restarts on every edit of server/ or shared/, and
 * rebuilding the client each time would hold every restart up for seconds (`npx vite` serves the
 * current client meanwhile), so a client that is there is served as it is.
 */
const DEV = process.argv.includes('--dev')

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

/**
 * Serves only what it can trust: the default client directory is rebuilt (a production build,
 * see clientBundle.ts) unless its stamp says it is a production build of the current sources (in
 * dev, only when it is missing); a CLIENT_DIR of the operator's choosing is served as it is, but
 * must hold index.html.
 */
async function ensureClient(clientDir: string): Promise<void> {
  if (clientDir !== DEFAULT_CLIENT_DIR) {
    if (!existsSync(join(clientDir, 'index.html'))) throw new StartupError(`CLIENT_DIR ${clientDir} has no index.html`)
    return
  }
  const state = await checkClientBundle(clientDir, await hashClientInputs())
  if (state === ClientState.Fresh) return
  const shown = relative(process.cwd(), clientDir) || '.'
  if (DEV && state !== ClientState.Missing) {
    console.log(`Serving ${shown} as it is (${REBUILD_REASON[state]}): \`npm run build:client\` rebuilds it`)
    return
  }

  const started = performance.now()
  console.log(`Building the client into ${shown} (${REBUILD_REASON[state]})...`)
  try {
    const warnings = (await buildClient(clientDir)).trim()
    if (warnings !== '') console.error(warnings)
  } catch (err) {
    throw new StartupError(err instanceof ViteMissingError ? `the client is not built and ${err.message}` : `building the client failed: ${(err as Error).message}`)
  }
  console.log(`Built the client in ${((performance.now() - started) / 1000).toFixed(1)} s`)
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
