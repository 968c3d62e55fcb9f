/**
 * @module Starts a worker thread whose script is TypeScript (`workerData.script`, a file URL):
 * registers tsx's loader in this thread, then loads the script. Only when the server runs from
 * its sources (tests, `npm run dev`); the compiled server starts compiled threads directly.
 */
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.script)
