/**
 * @module The axe-core scan the browser suites share (a11y.test.ts, palette.test.ts): one state of the page,
 * WCAG 2 A/AA rules and best practices; serious and critical violations are the blocking ones.
 */
import { createRequire } from 'node:module'
import type { AxeResults, Result } from 'axe-core'
import type { Page } from 'playwright-core'

// axe.source is the library as one script, to run inside the page (it reads the live DOM and CSS).
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source

const BLOCKING = new Set(['serious', 'critical'])

/** "color-contrast (serious): 2 nodes, e.g. .avatar: Element has insufficient color contrast..." */
function describeViolation(v: Result): string {
  const first = v.nodes[0]
  const where = first ? ` e.g. ${first.target.join(' ')}: ${first.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}` : ''
  return `${v.id} (${v.impact ?? 'unknown'}): ${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'},${where}`
}

/** Runs axe over the page and splits blocking violations from the rest, each prefixed with `what`. */
export async function axeScan(page: Page, what: string): Promise<{ blocking: string[]; other: string[] }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource })
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  )
  const blocking: string[] = []
  const other: string[] = []
  for (const v of results.violations) (BLOCKING.has(v.impact ?? '') ? blocking : other).push(`${what}: ${describeViolation(v)}`)
  return { blocking, other }
}
