/**
 * @module Vite config: the React client lives in client/ and builds into dist/client; every build
 * also writes precompressed copies and a build stamp (server/clientBundle.ts), which `npm start`
 * checks before serving the build.
 */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { clientBundlePlugin } from './server/clientBundle.ts'

/** Where `npm start` listens by default; the dev server forwards API and sync traffic there. */
const SERVER = 'http://127.0.0.1:8080'

export default defineConfig({
  // Absolute, so the config means the same from any working directory.
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [react(), clientBundlePlugin()],
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': SERVER,
      '/healthz': SERVER,
      '/metrics': SERVER,
      '/sync': { target: SERVER, ws: true },
    },
  },
})
