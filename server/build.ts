/**
 * @module `npm run build` (both), `npm run build:client` and `npm run build:server` (which `npm
 * start` runs first): `build.ts [client] [server]` writes the client, a production build with its
 * precompressed copies and stamp (dist/client, see clientBundle.ts), and the server bundle
 * (dist/server.mjs, see bundleServer.ts). Nothing imports this file.
 */
import { relative } from 'node:path'
import { buildClient } from './clientBundle.ts'
import { bundleServer } from './bundleServer.ts'
import { DEFAULT_CLIENT_DIR } from './config.ts'

const TARGETS = {
  client: async () => {
    const warnings = (await buildClient(DEFAULT_CLIENT_DIR)).trim()
    if (warnings !== '') console.error(warnings)
    return DEFAULT_CLIENT_DIR
  },
  server: bundleServer,
} as const
type Target = keyof typeof TARGETS

async function build(names: readonly string[]): Promise<void> {
  const unknown = names.filter((name) => !(name in TARGETS))
  if (unknown.length > 0) throw new Error(`unknown target ${unknown.join(', ')} (use client and/or server)`)
  for (const name of names.length === 0 ? Object.keys(TARGETS) : names) {
    const written = await TARGETS[name as Target]()
    console.log(`Built the ${name} into ${relative(process.cwd(), written)}`)
  }
}

build(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`Roundtable: building failed: ${(err as Error).message}`)
  process.exit(1)
})
