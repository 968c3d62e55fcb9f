import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { checkModel, snapshot } from '../../../shared/doc/index.ts'
import { KeyResultKind, ObjectiveLevel, enumValues } from '../../../shared/model/index.ts'
import { stallWarnings, writingHints } from '../../../shared/rules/index.ts'
import { seedDemoWorkspace } from '../../../server/seed/demoWorkspace.ts'

const NOWS = [Date.UTC(2026, 10, 21, 12), Date.UTC(2026, 0, 1, 0, 5), Date.UTC(2026, 2, 31, 23)]

describe('demo workspace', () => {
  for (const now of NOWS) {
    it(`is a valid published quarter on ${new Date(now).toISOString()}`, () => {
      const doc = new Y.Doc()
      seedDemoWorkspace(doc, 'Demo', now)
      const snap = snapshot(doc)
      expect(checkModel(snap)).toEqual([])
      expect([...snap.cycles.values()].map((c) => c.status)).toEqual(['published'])
      const levels = new Set([...snap.objectives.values()].map((o) => o.level))
      expect(levels).toEqual(new Set(enumValues(ObjectiveLevel)))
      const alignments = [...snap.objectives.values()].map((o) => o.alignment?.kind)
      expect(alignments).toContain('objective')
      expect(alignments).toContain('keyResult')
      expect(new Set([...snap.keyResults.values()].map((k) => k.kind))).toEqual(new Set(enumValues(KeyResultKind)))
      expect(snap.keyResults.size).toBeGreaterThanOrEqual(12)
      const columnsUsed = new Set([...snap.tasks.values()].map((t) => t.placement.columnId))
      expect(columnsUsed).toEqual(new Set(snap.columns.keys()))
      expect(writingHints(snap).filter((h) => h.ruleId === 'L3')).toEqual([])
    })
  }

  it('shows at least two stalled key results mid-quarter', () => {
    const doc = new Y.Doc()
    const now = NOWS[0]!
    seedDemoWorkspace(doc, 'Demo', now)
    const stalled = new Set(stallWarnings(snapshot(doc), now).map((w) => w.keyResultId).filter(Boolean))
    expect(stalled.size).toBeGreaterThanOrEqual(2)
  })
})
