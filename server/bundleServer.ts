/**
 * @module Compiles the server ahead of time: server/main.ts and everything it imports from
 * server/ and shared/ become one ES module, `dist/server.mjs`, that plain `node` runs (packages
 * stay imports of node_modules). `npm start` runs that instead of compiling TypeScript in the
 * process as it loads (tsx): no loader thread, no per-module transform, one module scope (the
 * figures are in bench/RESULTS.md, Notes).
 */
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { build } from 'esbuild'
import { PROJECT_ROOT } from './config.ts'

/**
 * Where the bundle is written. It sits one directory below the project root, as server/config.ts
 * does, so `PROJECT_ROOT` (computed from `import.meta.url`) is the same in the bundle and the source.
 */
export const SERVER_BUNDLE = join(PROJECT_ROOT, 'dist', 'server.mjs')

/**
 * Builds `dist/server.mjs` and its source map (stack traces name the .ts lines with node's
 * `--enable-source-maps`). Takes a few tens of milliseconds, so every start rebuilds and a bundle
 * never lags behind the source. Each file is written under a temporary name and renamed, so
 * tests starting servers in parallel never run a half-written bundle. Returns the bundle's path.
 */
export async function bundleServer(): Promise<string> {
  const outfile = SERVER_BUNDLE
  const result = await build({
    // The history worker's thread is a second entry: the server starts it from the file beside it.
    entryPoints: { server: join(PROJECT_ROOT, 'server', 'main.ts'), historyThread: join(PROJECT_ROOT, 'server', 'history', 'historyThread.ts') },
    outdir: dirname(outfile),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    write: false,
    logLevel: 'error',
  })
  await mkdir(dirname(outfile), { recursive: true })
  const unique = `${process.pid}-${Math.random().toString(36).slice(2)}`
  // The map first: a bundle never points at a map that is not there yet.
  const files = [...result.outputFiles].sort((a, b) => Number(b.path.endsWith('.map')) - Number(a.path.endsWith('.map')))
  for (const file of files) {
    const temporary = `${file.path}.${unique}.tmp`
    await writeFile(temporary, file.contents)
    await rename(temporary, file.path)
  }
  return outfile
}

let built: Promise<string> | null = null

/**
 * node's arguments that run the server as `npm start` does (after its prestart build). The bundle
 * is built once per process: tests and the benchmark start many servers from the same source.
 */
export async function startArgs(): Promise<string[]> {
  built ??= bundleServer()
  return ['--enable-source-maps', await built]
}
