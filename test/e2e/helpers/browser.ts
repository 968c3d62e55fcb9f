/**
 * @module Launches Debian's Chromium through playwright-core (which ships no browser): headless,
 * quiet on the network, and with a fresh temporary profile on every launch.
 */
import { accessSync, constants } from 'node:fs'
import { chromium } from 'playwright-core'
import type { Browser } from 'playwright-core'

/** The Chromium binary: `CHROMIUM_PATH` when set (and not empty), else Debian's package. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium'

const LAUNCH_TIMEOUT_MS = 30_000

/**
 * No sandbox because CI runs as root in a container; the rest keeps Chromium from reaching out
 * to the network (updates, sync, field trials over QUIC) while the tests run.
 */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * Starts a headless Chromium. There is deliberately no `--user-data-dir` here: playwright-core
 * refuses it in `args` and, for `launch()`, creates a new temporary profile itself and deletes it
 * on `browser.close()`, so every launch starts from a clean profile.
 */
export async function launchBrowser(): Promise<Browser> {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK)
  } catch {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: the e2e tests need Debian's chromium package ` +
        '(`apt-get install -y chromium`), or CHROMIUM_PATH set to a Chromium binary.',
    )
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS, timeout: LAUNCH_TIMEOUT_MS })
}
