/** @module Vitest config for the browser suites in test/e2e: the real server and client in Chromium. */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) },
  },
  test: {
    include: ['test/e2e/**/*.test.ts'],
    // Builds dist/e2e-client (production) when it is not a build of the current sources.
    globalSetup: ['test/e2e/globalSetup.ts'],
    // Starting a server and a browser takes seconds, more on a loaded CI machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each file runs a server and a Chromium; on two cores, files side by side only slow each other.
    fileParallelism: false,
  },
})
