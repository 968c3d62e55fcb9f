/**
 * @module The client bundle that `npm start` serves (dist/client): a production Vite build, with a
 * brotli (.br) and a gzip (.gz) copy written beside each text file so no request compresses anything,
 * and a build stamp (.build.json) saying how it was built and from which sources. `npm start` reads
 * the stamp and rebuilds a bundle that is missing, unstamped, not production (React's development
 * build is about twice as slow on a large board) or built from other sources than the tree's.
 */
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlib, gzip } from 'node:zlib'
import type { Plugin, ResolvedConfig } from 'vite'
import { PROJECT_ROOT } from './config.ts'

/** The stamp file inside a built client directory. */
export const BUILD_STAMP = '.build.json'

/**
 * Everything a client build is made from, relative to the project root: its sources, the shared
 * code it imports, the build's configuration, the locked dependency versions, and this file (which
 * compresses and stamps the output). A change to any of them makes a built client stale.
 */
export const CLIENT_INPUTS = ['client', 'shared', 'vite.config.ts', 'tsconfig.json', 'package-lock.json', 'server/clientBundle.ts'] as const

/** What `.build.json` holds. */
export interface BuildStamp {
  /** Vite's mode (`--mode`). */
  readonly mode: string
  /** Built with NODE_ENV=production: React and the rest in their production builds. */
  readonly production: boolean
  /** `hashClientInputs()` when the build started. */
  readonly inputs: string
}

/** What a client directory holds, as far as serving it goes. */
export const ClientState = {
  Fresh: 'fresh',
  Missing: 'missing',
  Unstamped: 'unstamped',
  Development: 'development',
  Stale: 'stale',
} as const
export type ClientState = (typeof ClientState)[keyof typeof ClientState]

/** Why a client directory in each state other than fresh is rebuilt, for the log line. */
export const REBUILD_REASON: Readonly<Record<Exclude<ClientState, 'fresh'>, string>> = {
  missing: 'none built yet',
  unstamped: 'the one there has no build stamp',
  development: 'the one there is a development build',
  stale: 'the sources changed since the last build',
}

/**
 * A SHA-256 over the files of `inputs` under `root` (directories walked, in a stable order): each
 * file's path and the hash of its content. A missing input counts as its own value, so removing a
 * file also changes the hash. Takes a few milliseconds for the whole client and shared tree.
 */
export async function hashClientInputs(root: string = PROJECT_ROOT, inputs: readonly string[] = CLIENT_INPUTS): Promise<string> {
  const files: string[] = []
  for (const input of inputs) {
    const path = join(root, input)
    const entries = await readdir(path, { recursive: true, withFileTypes: true }).catch(() => undefined)
    if (entries === undefined) files.push(path)
    else for (const entry of entries) if (entry.isFile()) files.push(join(entry.parentPath, entry.name))
  }
  // Forward slashes, so the hash is the same on every platform.
  const named = files.map((file) => [relative(root, file).split(sep).join('/'), file] as const)
  named.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const contents = await Promise.all(named.map(([, file]) => readFile(file).catch(() => undefined)))
  const hash = createHash('sha256')
  named.forEach(([name], i) => {
    const content = contents[i]
    hash.update(`${name}\0${content === undefined ? '-' : createHash('sha256').update(content).digest('hex')}\n`)
  })
  return `sha256:${hash.digest('hex')}`
}

/** Reads `dir`'s stamp and tells whether it is a production build of the sources hashed `inputs`. */
export async function checkClientBundle(dir: string, inputs: string): Promise<ClientState> {
  if (!existsSync(join(dir, 'index.html'))) return ClientState.Missing
  const stamp = await readStamp(dir)
  if (stamp === undefined) return ClientState.Unstamped
  if (!stamp.production) return ClientState.Development
  if (stamp.inputs !== inputs) return ClientState.Stale
  return ClientState.Fresh
}

async function readStamp(dir: string): Promise<BuildStamp | undefined> {
  try {
    const stamp = JSON.parse(await readFile(join(dir, BUILD_STAMP), 'utf8')) as Partial<BuildStamp> | null
    if (typeof stamp?.mode !== 'string' || typeof stamp.production !== 'boolean' || typeof stamp.inputs !== 'string') return undefined
    return { mode: stamp.mode, production: stamp.production, inputs: stamp.inputs }
  } catch {
    return undefined
  }
}

/** Text files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:html|m?js|css|svg|json|txt|xml|map|wasm)$/
const brotli = promisify(brotliCompress)
const gzipped = promisify(gzip)

/**
 * Writes `file.br` (brotli, best quality) and `file.gz` (gzip level 9) beside every compressible
 * file under `dir`, each only when it is smaller than the file itself. Compression runs on libuv's
 * thread pool, all files at once: a few hundred milliseconds for the whole client.
 */
export async function precompress(dir: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter((e) => e.isFile() && COMPRESSIBLE.test(e.name) && e.name !== BUILD_STAMP).map((e) => join(e.parentPath, e.name))
  await Promise.all(
    files.map(async (file) => {
      const content = await readFile(file)
      const [br, gz] = await Promise.all([
        brotli(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: content.length } }),
        gzipped(content, { level: zlib.Z_BEST_COMPRESSION }),
      ])
      if (br.length < content.length) await writeFile(`${file}.br`, br)
      if (gz.length < content.length) await writeFile(`${file}.gz`, gz)
    }),
  )
}

/**
 * The Vite plugin (vite.config.ts) that finishes every `vite build`: compresses the output and then
 * writes the stamp, last, so a build cut short has none. The stamp records what the build really
 * was: a `vite build` under NODE_ENV=test (as vitest sets it) says `production: false`.
 */
export function clientBundlePlugin(): Plugin {
  let config: ResolvedConfig | undefined
  let inputs: Promise<string> | undefined
  return {
    name: 'roundtable:client-bundle',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    buildStart() {
      // Hashed before Vite reads the sources: an edit during the build leaves the stamp stale.
      inputs = hashClientInputs()
    },
    async writeBundle(options) {
      if (config === undefined || inputs === undefined) throw new Error('clientBundlePlugin: writeBundle before buildStart')
      const dir = options.dir ?? resolve(config.root, config.build.outDir)
      await precompress(dir)
      const stamp: BuildStamp = { mode: config.mode, production: config.isProduction, inputs: await inputs }
      await writeFile(join(dir, BUILD_STAMP), `${JSON.stringify(stamp, null, 2)}\n`)
    },
  }
}

/** Vite is a development dependency: an install without it (`npm ci --omit=dev`) cannot build. */
export class ViteMissingError extends Error {
  constructor() {
    super('Vite is not installed: run `npm ci` (with development dependencies), then `npm run build`')
    this.name = 'ViteMissingError'
  }
}

/**
 * Builds the client into `outDir` as a production build whatever NODE_ENV the caller runs under:
 * `vite build --mode production` in a child process with NODE_ENV=production. It builds into a
 * sibling directory and then swaps it in, so a server already serving `outDir` (or a second start
 * building at the same time) never sees half a build. Resolves with what Vite printed (warnings);
 * rejects with Vite's output when the build fails.
 */
export async function buildClient(outDir: string): Promise<string> {
  let vite: string
  try {
    vite = join(dirname(createRequire(join(PROJECT_ROOT, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js')
  } catch {
    throw new ViteMissingError()
  }
  const unique = `${process.pid}-${randomBytes(4).toString('hex')}`
  const building = `${outDir}.building-${unique}`
  const replaced = `${outDir}.replaced-${unique}`
  try {
    const output = await run(process.execPath, [vite, 'build', '--mode', 'production', '--outDir', building, '--emptyOutDir', '--logLevel', 'warn'])
    await rename(outDir, replaced).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err
    })
    await rename(building, outDir).catch((err: NodeJS.ErrnoException) => {
      // Another start swapped in its build between our two renames: it is as fresh as ours.
      if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err
    })
    return output
  } finally {
    await Promise.all([rm(building, { recursive: true, force: true }), rm(replaced, { recursive: true, force: true })])
  }
}

/** Runs node with `args` in the project root under NODE_ENV=production; resolves with its output. */
function run(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.once('error', reject)
    child.once('close', (code, signal) => {
      if (code === 0) resolve(output)
      else reject(new Error(`vite build failed (${code ?? signal}):\n${output.trim()}`))
    })
  })
}
