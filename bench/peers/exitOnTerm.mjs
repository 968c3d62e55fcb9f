/**
 * @module Preloaded into the servers only when `npm run bench -- --profile=DIR` profiles them:
 * a SIGTERM that nobody else handles ends the process through process.exit, so --cpu-prof writes
 * its profile (Node's default SIGTERM does not). Servers that handle SIGTERM keep doing so.
 */
process.on('SIGTERM', () => {
  if (process.listenerCount('SIGTERM') === 1) process.exit(0)
})
