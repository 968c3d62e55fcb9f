import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as rules from '../../../shared/rules/index.ts'

const rulesDir = new URL('../../../shared/rules/', import.meta.url)
const testDir = new URL('./', import.meta.url)
const doc = readFileSync(new URL('RULES.md', rulesDir), 'utf8')

/** Ids declared by RULES.md: one `### [ID] ...` heading each. */
function declaredIds(markdown: string): string[] {
  return [...markdown.matchAll(/^### \[([A-Z]\d+)\]/gm)].map((m) => m[1] ?? '')
}

/** Ids that start a test name: `it('[S1] ...'`, `test("[S1] ..."`, `it.each(...)('[S1] ...'`. */
function testedIds(source: string): string[] {
  return [...source.matchAll(/\(\s*['"`]\[([A-Za-z]*\d*)\]/g)].map((m) => m[1] ?? '')
}

const testFiles = readdirSync(testDir).filter((f) => f.endsWith('.test.ts'))
const tested = new Set(testFiles.flatMap((f) => testedIds(readFileSync(new URL(f, testDir), 'utf8'))))
const declared = declaredIds(doc)
const CONSTANT = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g

describe('RULES.md', () => {
  it('declares each id once, in the P, O, B, S, L, M and I families', () => {
    expect(declared.length).toBeGreaterThan(0)
    expect(new Set(declared).size).toBe(declared.length)
    for (const id of declared) expect(id).toMatch(/^[POBSLMI][1-9]\d*$/)
  })

  it('has a test for every id, and every tested id is in RULES.md', () => {
    expect(declared.filter((id) => !tested.has(id))).toEqual([])
    expect([...tested].filter((id) => !declared.includes(id))).toEqual([])
  })

  it('names only constants the rules export, with the values the code has', () => {
    const exported = rules as unknown as Record<string, unknown>
    const inCode = [...doc.matchAll(/`([^`]+)`/g)].flatMap((m) => (m[1] ?? '').match(CONSTANT) ?? [])
    expect(inCode.filter((name) => !(name in exported))).toEqual([])
    // "`LOW_CONFIDENCE` (3)": the number in brackets right after a constant is its value.
    const withValue = /`([A-Z][A-Z0-9_]+)` \((-?\d+(?:\.\d+)?)\)/g
    const stated = new Map([...doc.matchAll(withValue)].map((m) => [m[1], Number(m[2])]))
    for (const [name, value] of stated) expect([name, exported[name ?? '']]).toEqual([name, value])
    // ...and every numeric constant the rules export is stated that way.
    const numeric = Object.keys(exported).filter((k) => /^[A-Z][A-Z0-9_]+$/.test(k) && typeof exported[k] === 'number')
    expect(numeric.length).toBeGreaterThan(10)
    expect(numeric.filter((name) => !stated.has(name))).toEqual([])
  })

  it('states the default stall settings the code exports', () => {
    for (const [name, value] of Object.entries(rules.DEFAULT_STALL_SETTINGS)) {
      expect(doc).toContain(`(default \`${name} = ${value}\``)
    }
  })
})
