/**
 * @module `npm run build:server` (and `npm start`, before it runs the server): writes the server
 * bundle, dist/server.mjs. Nothing imports this file.
 */
import { relative } from 'node:path'
import { bundleServer } from './bundleServer.ts'

bundleServer().then(
  (file) => console.log(`Built the server into ${relative(process.cwd(), file)}`),
  (err: unknown) => {
    console.error(`Roundtable: building the server failed: ${(err as Error).message}`)
    process.exit(1)
  },
)
