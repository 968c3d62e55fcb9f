/**
 * @module The hooks every browser suite needs: one Chromium and one real server per file, the
 * server checked to exit 0 at the end, and every person a test opened closed after it.
 */
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { closeAll } from './app.ts'
import type { Person } from './app.ts'
import { launchBrowser } from './browser.ts'
import { startServer } from './server.ts'
import type { RunningServer } from './server.ts'

export interface BrowserSuite {
  readonly server: RunningServer
  readonly browser: Browser
  /** Remembers `person` so that afterEach closes their browser context. */
  track(person: Person): Person
}

/** Call at the top of a describe block. */
export function browserSuite(): BrowserSuite {
  let server: RunningServer | undefined
  let browser: Browser | undefined
  let people: Person[] = []

  beforeAll(async () => {
    // The browser first: if it cannot start, no server is left running.
    browser = await launchBrowser()
    server = await startServer()
  })

  afterAll(async () => {
    await browser?.close()
    const code = await server?.stop()
    if (code !== undefined) expect(code, `server exit; stderr:\n${server?.output().stderr}`).toBe(0)
  })

  afterEach(async () => {
    const opened = people
    people = []
    await closeAll(opened)
  })

  return {
    get server() {
      if (server === undefined) throw new Error('the server is not started yet (use it inside a test)')
      return server
    },
    get browser() {
      if (browser === undefined) throw new Error('the browser is not started yet (use it inside a test)')
      return browser
    },
    track(person) {
      people.push(person)
      return person
    },
  }
}
