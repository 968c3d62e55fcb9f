/**
 * @module Screenshots of one screen at the sizes and themes the suites look at (1440x900 light and
 * dark, 390x844 light, optionally dark), each optionally scanned by axe; the page goes back to
 * 1280x800 light after. Findings collect per suite: blocking ones fail the test at its end.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { axeScan } from './axe.ts'

export interface ScreenOptions {
  /** Also 390x844 in the dark theme. */
  readonly phoneDark?: boolean
  /** Scan each shot with axe into `findings`. */
  readonly axe?: boolean
  /** Blocking axe findings known and not the suite's own: kept with the others, not failed. */
  readonly known?: RegExp
}

export interface Screens {
  /** axe findings of every shot so far. */
  readonly findings: { readonly blocking: string[]; readonly other: string[] }
  /** Shoots `step` at every size into `dir/<step>-<size>.png`, calling `ready` after each resize. */
  shots(page: Page, step: string, ready: () => Promise<unknown>): Promise<void>
}

interface Size {
  readonly size: { readonly width: number; readonly height: number }
  readonly scheme: 'light' | 'dark'
  readonly name: string
}

export function screens(dir: string, options: ScreenOptions = {}): Screens {
  const sizes: readonly Size[] = [
    { size: { width: 1440, height: 900 }, scheme: 'light', name: 'desktop-light' },
    { size: { width: 1440, height: 900 }, scheme: 'dark', name: 'desktop-dark' },
    { size: { width: 390, height: 844 }, scheme: 'light', name: 'phone' },
    ...(options.phoneDark === true ? [{ size: { width: 390, height: 844 }, scheme: 'dark', name: 'phone-dark' } as const] : []),
  ]
  const findings = { blocking: [] as string[], other: [] as string[] }
  const known = (f: string) => options.known?.test(f) ?? false
  return {
    findings,
    async shots(page, step, ready) {
      for (const s of sizes) {
        await page.setViewportSize(s.size)
        await page.emulateMedia({ colorScheme: s.scheme })
        await ready()
        await page.screenshot({ path: join(dir, `${step}-${s.name}.png`) })
        if (options.axe !== true) continue
        const scan = await axeScan(page, `${step} ${s.name}`)
        findings.blocking.push(...scan.blocking.filter((f) => !known(f)))
        findings.other.push(...scan.other, ...scan.blocking.filter(known))
      }
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.emulateMedia({ colorScheme: 'light' })
    },
  }
}
