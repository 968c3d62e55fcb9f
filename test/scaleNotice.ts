/**
 * @module vitest globalSetup: the one line that says the multi-instance suites (test/scale, and
 * PostgreSQL's) were skipped because redis-server or PostgreSQL is not installed, and how to run
 * them. Silent when they run.
 */
import { scaleSuitesRun } from './helpers/instances.ts'

export default function setup(): void {
  if (scaleSuitesRun()) return
  console.log(
    'Skipped the multi-instance suites (Redis, PostgreSQL): redis-server or PostgreSQL is not installed. ' +
      'apt-get install -y redis-server postgresql, then `npm run test:scale`.',
  )
}
