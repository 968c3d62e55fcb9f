/** Smoke test: the real server serves the built client, and Chromium renders it. */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { launchBrowser } from './helpers/browser.ts'
import { startServer } from './helpers/server.ts'
import type { RunningServer } from './helpers/server.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SCREENSHOTS = join(ROOT, 'test-results/e2e')

describe('the app in Chromium', () => {
  let server: RunningServer | undefined
  let browser: Browser | undefined
  let context: BrowserContext
  let page: Page
  /** Uncaught exceptions in the page: a smoke test fails on any. */
  let pageErrors: string[]

  beforeAll(async () => {
    // One after the other, so a failed launch never leaves a server that afterAll cannot see.
    browser = await launchBrowser()
    server = await startServer()
  })

  afterAll(async () => {
    await browser?.close()
    const code = await server?.stop()
    if (code !== undefined) expect(code, `server exit; stderr:\n${server?.output().stderr}`).toBe(0)
  })

  beforeEach(async () => {
    context = await browser!.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' })
    page = await context.newPage()
    pageErrors = []
    page.on('pageerror', (err) => pageErrors.push(err.message))
  })

  afterEach(async () => {
    await context.close()
  })

  it('renders the client at / and answers /healthz from the page', async () => {
    const response = await page.goto(`${server!.url}/`)
    expect(response?.status()).toBe(200)

    // index.html holds an empty #root: the heading exists only once the bundle has run React.
    const heading = page.getByRole('heading', { level: 1, name: 'Roundtable' })
    await heading.waitFor({ state: 'visible' })
    expect(await page.title()).toBe('Roundtable')

    const health = await page.evaluate(async () => {
      const res = await fetch('/healthz')
      return { status: res.status, body: (await res.json()) as unknown }
    })
    expect(health).toEqual({ status: 200, body: { ok: true } })

    await page.screenshot({ path: join(SCREENSHOTS, 'home.png'), fullPage: true })
    expect(pageErrors).toEqual([])
  })

  it('serves the app on a deep link (/w/demo) too', async () => {
    const response = await page.goto(`${server!.url}/w/demo`)
    expect(response?.status()).toBe(200)
    expect(response?.headers()['content-type']).toMatch(/^text\/html/)

    await page.getByRole('heading', { name: 'This link is incomplete' }).waitFor({ state: 'visible' })
    expect(new URL(page.url()).pathname).toBe('/w/demo')
    expect(pageErrors).toEqual([])
  })
})
