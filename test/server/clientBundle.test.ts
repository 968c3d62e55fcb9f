import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { ResolvedConfig } from 'vite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  BUILD_STAMP,
  ClientState,
  buildClient,
  checkClientBundle,
  clientBundlePlugin,
  hashClientInputs,
  precompress,
} from '../../server/clientBundle.ts'
import type { BuildStamp } from '../../server/clientBundle.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'roundtable-bundle-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const write = (path: string, content: string | Uint8Array) => {
  mkdirSync(join(dir, path, '..'), { recursive: true })
  writeFileSync(join(dir, path), content)
}
const stamp = (path: string, value: unknown) => write(join(path, BUILD_STAMP), JSON.stringify(value))
const readStamp = (path: string) => JSON.parse(readFileSync(join(path, BUILD_STAMP), 'utf8')) as BuildStamp

describe('hashClientInputs', () => {
  const INPUTS = ['client', 'vite.config.ts', 'package-lock.json']
  const hash = () => hashClientInputs(dir, INPUTS)

  beforeEach(() => {
    write('client/main.tsx', 'render(<App />)')
    write('client/features/board/Board.tsx', 'export function Board() {}')
    write('vite.config.ts', 'export default {}')
    write('server/main.ts', 'listen()')
  })

  it('is the same for the same files, and ignores files outside the inputs', async () => {
    const before = await hash()
    expect(before).toMatch(/^sha256:[0-9a-f]{64}$/)
    write('server/main.ts', 'listen(8080)')
    expect(await hash()).toBe(before)
  })

  it('changes when a file changes, is added, removed or renamed, or a missing input appears', async () => {
    const seen = new Set([await hash()])
    const changes = [
      () => write('client/features/board/Board.tsx', 'export function Board() { return null }'),
      () => write('client/features/board/Card.tsx', 'export function Card() {}'),
      () => renameSync(join(dir, 'client/features/board/Card.tsx'), join(dir, 'client/features/board/Cards.tsx')),
      () => rmSync(join(dir, 'client/main.tsx')),
      () => write('package-lock.json', '{"lockfileVersion":3}'),
    ]
    for (const change of changes) {
      change()
      seen.add(await hash())
    }
    expect(seen.size).toBe(changes.length + 1)
  })
})

describe('checkClientBundle', () => {
  const INPUTS = 'sha256:current'
  const production = { mode: 'production', production: true, inputs: INPUTS }

  it('is missing without index.html, stamp or not', async () => {
    expect(await checkClientBundle(join(dir, 'nothing'), INPUTS)).toBe(ClientState.Missing)
    stamp('client', production)
    expect(await checkClientBundle(join(dir, 'client'), INPUTS)).toBe(ClientState.Missing)
  })

  it('is unstamped when the stamp is missing or unreadable', async () => {
    write('client/index.html', '<!doctype html>')
    expect(await checkClientBundle(join(dir, 'client'), INPUTS)).toBe(ClientState.Unstamped)
    for (const bad of ['{', 'null', '{"mode":"production","inputs":"sha256:current"}', '{"mode":"production","production":"yes","inputs":"sha256:current"}']) {
      write(join('client', BUILD_STAMP), bad)
      expect(await checkClientBundle(join(dir, 'client'), INPUTS), bad).toBe(ClientState.Unstamped)
    }
  })

  it('is a development build when the stamp says it was not built for production', async () => {
    write('client/index.html', '<!doctype html>')
    stamp('client', { ...production, mode: 'test', production: false })
    expect(await checkClientBundle(join(dir, 'client'), INPUTS)).toBe(ClientState.Development)
  })

  it('is stale when built from other sources, fresh when built from these', async () => {
    write('client/index.html', '<!doctype html>')
    stamp('client', { ...production, inputs: 'sha256:older' })
    expect(await checkClientBundle(join(dir, 'client'), INPUTS)).toBe(ClientState.Stale)
    stamp('client', production)
    expect(await checkClientBundle(join(dir, 'client'), INPUTS)).toBe(ClientState.Fresh)
  })
})

describe('precompress', () => {
  it('writes a brotli and a gzip copy of each text file that they make smaller, and nothing else', async () => {
    const script = `export const x = ${JSON.stringify('abc '.repeat(500))}\n`
    write('out/index.html', `<!doctype html>${'<p>Roundtable</p>'.repeat(50)}`)
    write('out/assets/app-1.js', script)
    write('out/assets/tiny-2.js', 'x')
    write('out/assets/logo-3.png', new Uint8Array(2048))
    stamp('out', { mode: 'production', production: true, inputs: 'sha256:0' })

    await precompress(join(dir, 'out'))

    const out = join(dir, 'out')
    expect(brotliDecompressSync(readFileSync(join(out, 'assets/app-1.js.br'))).toString()).toBe(script)
    expect(gunzipSync(readFileSync(join(out, 'assets/app-1.js.gz'))).toString()).toBe(script)
    expect(existsSync(join(out, 'index.html.br')) && existsSync(join(out, 'index.html.gz'))).toBe(true)
    expect(readdirSync(join(out, 'assets')).sort()).toEqual(['app-1.js', 'app-1.js.br', 'app-1.js.gz', 'logo-3.png', 'tiny-2.js'])
    expect(existsSync(join(out, `${BUILD_STAMP}.br`))).toBe(false)
  })
})

describe('clientBundlePlugin', () => {
  /** Runs the plugin's hooks as Vite would after a build of `config` into `out`. */
  async function finishBuild(config: Partial<ResolvedConfig>, out: string): Promise<void> {
    const plugin = clientBundlePlugin()
    const call = (hook: unknown, ...args: unknown[]) => (hook as (...a: unknown[]) => unknown).call({}, ...args)
    await call(plugin.configResolved, config)
    await call(plugin.buildStart, {})
    await call(plugin.writeBundle, { dir: out }, {})
  }

  it('stamps what the build was: production, or not (vite build under NODE_ENV=test)', async () => {
    write('prod/index.html', '<!doctype html>')
    await finishBuild({ mode: 'production', isProduction: true }, join(dir, 'prod'))
    expect(readStamp(join(dir, 'prod'))).toEqual({ mode: 'production', production: true, inputs: expect.stringMatching(/^sha256:/) })

    write('dev/index.html', '<!doctype html>')
    await finishBuild({ mode: 'production', isProduction: false }, join(dir, 'dev'))
    expect(readStamp(join(dir, 'dev')).production).toBe(false)
    expect(await checkClientBundle(join(dir, 'dev'), readStamp(join(dir, 'dev')).inputs)).toBe(ClientState.Development)
  })
})

describe('buildClient', () => {
  it(
    'builds a production client even under NODE_ENV=test, replacing what was there',
    async () => {
      expect(process.env.NODE_ENV).toBe('test')
      const out = join(dir, 'client')
      write('client/assets/old-build.js', 'stale')
      const inputs = await hashClientInputs()

      await buildClient(out)

      expect(readStamp(out)).toEqual({ mode: 'production', production: true, inputs })
      expect(await checkClientBundle(out, inputs)).toBe(ClientState.Fresh)
      const assets = readdirSync(join(out, 'assets'))
      expect(assets).not.toContain('old-build.js')
      const scripts = assets.filter((name) => name.endsWith('.js'))
      expect(scripts.length).toBeGreaterThan(0)
      for (const script of scripts) {
        // A chunk of a few bytes gains nothing from compression and is served as it is.
        if (statSync(join(out, 'assets', script)).size >= 200) {
          expect(assets, script).toContain(`${script}.br`)
          expect(assets, script).toContain(`${script}.gz`)
        }
        // React's development build: the JSX dev runtime and its key warning.
        const code = readFileSync(join(out, 'assets', script), 'utf8')
        expect(code, script).not.toContain('jsxDEV')
        expect(code, script).not.toContain('Each child in a list should have a unique')
      }
      expect(existsSync(join(out, 'index.html.br'))).toBe(true)
      // Only the swapped-in build is left: no half-built or replaced folders beside it.
      expect(readdirSync(dir)).toEqual(['client'])
    },
    120_000,
  )
})
