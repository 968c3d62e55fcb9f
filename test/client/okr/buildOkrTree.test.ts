import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { CommandError, openSession, snapshot } from '../../../shared/doc/index.ts'
import { initWorkspace } from '../../../shared/doc/index.ts'
import { buildOkrTree } from '../../../client/features/okr/buildOkrTree.ts'
import type { ObjectiveNode } from '../../../client/features/okr/buildOkrTree.ts'
import { filterOkrTree } from '../../../client/features/okr/filterOkrTree.ts'
import { describeError } from '../../../client/format/describeError.ts'
import { changesOf, draftOf, patchOf } from '../../../client/features/okr/keyResultDraft.ts'
import { draftTree } from './seed.ts'

function seeded() {
  const doc = new Y.Doc()
  let t = Date.UTC(2026, 5, 1)
  const s = openSession(doc, { now: () => t++ })
  initWorkspace(s, { name: 'Acme' })
  draftTree(s)
  return snapshot(doc)
}

const titles = (nodes: readonly { objective: { title: string } }[]) => nodes.map((n) => n.objective.title)

describe('the OKR tree', () => {
  it('nests objectives under their parent objective or parent key result; unaligned ones are roots at their level', () => {
    const tree = buildOkrTree(seeded(), 'cy' as never)
    expect(tree.count).toBe(5)
    expect(tree.roots.map((r) => [r.level, titles(r.nodes)])).toEqual([
      ['company', ['Become the tool teams love']],
      ['individual', ['Redesign first run']],
    ])
    const company = tree.roots[0]?.nodes[0] as ObjectiveNode
    expect(titles(company.children)).toEqual(['Make drafting effortless'])
    expect(titles(company.children[0]?.children ?? [])).toEqual(['Make sync bulletproof'])
    const viaTeams = company.keyResults.find((k) => k.keyResult.id === 'kr-teams')
    expect(titles(viaTeams?.children ?? [])).toEqual(['Turn trials into teams'])
    expect(company.keyResults.map((k) => k.keyResult.title)).toEqual(['Grow weekly active teams', 'Keep churn low'])
  })

  it('filters by team, keeping a parent that does not match as context for its matching children', () => {
    const snap = seeded()
    const f = filterOkrTree(snap, buildOkrTree(snap, 'cy' as never), { teamId: 't-growth' as never, ownerId: null, level: null })
    expect([f.shown, f.hidden]).toEqual([2, 3])
    const company = f.roots[0]?.nodes[0]
    expect(company?.matches).toBe(false)
    expect(company?.children).toEqual([])
    expect(titles(company?.keyResults.flatMap((k) => k.children) ?? [])).toEqual(['Turn trials into teams'])
  })
})

describe('key-result form', () => {
  it('sends only the fields the kind uses and, on edit, only what changed', () => {
    const snap = seeded()
    const kr = snap.keyResults.get('kr-teams' as never)!
    const draft = { ...draftOf(kr, { weight: 0, ownerId: null }), kind: 'range' as const, rangeLow: '20', rangeHigh: '30' }
    expect(patchOf(draft)).toMatchObject({ kind: 'range', start: null, target: null, rangeLow: 20, rangeHigh: 30, unit: 'teams' })
    expect(changesOf(kr, { ...draftOf(kr, { weight: 0, ownerId: null }), target: '250' })).toEqual({ target: 250 })
  })

  it('turns a refused command into a sentence', () => {
    expect(describeError(new CommandError('invalid', 'rangeHigh: must not be below rangeLow', 'rangeHigh'))).toBe('High end of the range must not be below low end of the range.')
    expect(describeError(new CommandError('locked', 'Cannot change the objective: the cycle is published'))).toBe('Cannot change the objective: the cycle is published')
    expect(describeError(new Error('boom'))).toBe('Something went wrong; nothing was changed.')
  })
})
