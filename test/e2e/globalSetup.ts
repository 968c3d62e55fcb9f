/**
 * @module Vitest globalSetup for test/e2e: makes sure dist/e2e-client holds a production build of
 * the current client before the suites run (the server started by helpers/server.ts serves that
 * folder). It has its own folder so a run never replaces what `npm start` serves, and is built by
 * the same code as dist/client: in a child process with NODE_ENV=production, whereas vitest runs
 * this file under NODE_ENV=test, which would make a development build of React.
 */
import { relative } from 'node:path'
import { ClientState, buildClient, checkClientBundle, hashClientInputs } from '../../server/clientBundle.ts'
import { E2E_CLIENT_DIR } from './helpers/server.ts'

export default async function setup(): Promise<void> {
  const dir = relative(process.cwd(), E2E_CLIENT_DIR)
  const state = await checkClientBundle(E2E_CLIENT_DIR, await hashClientInputs())
  if (state === ClientState.Fresh) {
    console.log(`e2e: ${dir} is a production build of the current sources`)
    return
  }
  const started = Date.now()
  await buildClient(E2E_CLIENT_DIR)
  console.log(`e2e: built ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
