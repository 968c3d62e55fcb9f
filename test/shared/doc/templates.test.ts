import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  CommandError,
  CommandErrorCode,
  OKR_TEMPLATES,
  OriginSource,
  TemplateId,
  applyTemplate,
  createCycle,
  createObjective,
  createTeam,
  initWorkspace,
  openSession,
  publishCycle,
  snapshot,
} from '../../../shared/doc/index.ts'
import type { CycleId } from '../../../shared/model/index.ts'
import { Origin } from '../../../shared/model/index.ts'
import { isMeasurable, keyResultsOf, writingHints } from '../../../shared/rules/index.ts'
import {
  MAX_KEY_RESULTS_PER_OBJECTIVE,
  MAX_OBJECTIVES_PER_OWNER,
  WEIGHT_TOTAL,
} from '../../../shared/rules/thresholds.ts'

const NOW = Date.parse('2026-04-02T09:00:00Z')

function freshCycle(): { doc: Y.Doc; s: ReturnType<typeof openSession>; cycleId: CycleId } {
  const doc = new Y.Doc()
  const s = openSession(doc, { source: OriginSource.Client, now: () => NOW })
  initWorkspace(s, { name: 'Acme' })
  const cycleId = createCycle(s, { name: 'Q2 2026', startDate: '2026-04-01', endDate: '2026-06-30' })
  return { doc, s, cycleId }
}

describe('OKR templates', () => {
  it('offers at least the company quarter, product team and sales team', () => {
    expect(OKR_TEMPLATES.map((t) => t.id)).toEqual(
      expect.arrayContaining([TemplateId.CompanyQuarter, TemplateId.ProductTeam, TemplateId.SalesTeam]),
    )
  })

  for (const template of OKR_TEMPLATES) {
    describe(template.name, () => {
      it('[L1] [L2] [L3] [L4] [L5] [L6] applied to a fresh doc, gives no writing hint', () => {
        const { doc, s, cycleId } = freshCycle()
        applyTemplate(s, { cycleId, templateId: template.id })
        const snap = snapshot(doc)
        expect(writingHints(snap, { cycleId })).toEqual([])

        const objectives = [...snap.objectives.values()].filter((o) => o.cycleId === cycleId)
        expect(objectives.length).toBeGreaterThanOrEqual(3)
        expect(objectives.length).toBeLessThanOrEqual(MAX_OBJECTIVES_PER_OWNER)
        for (const o of objectives) {
          const krs = [...snap.keyResults.values()].filter((k) => k.objectiveId === o.id)
          expect(krs.length).toBeGreaterThanOrEqual(2)
          expect(krs.length).toBeLessThanOrEqual(MAX_KEY_RESULTS_PER_OBJECTIVE)
          expect(krs.reduce((sum, k) => sum + k.weight, 0)).toBe(WEIGHT_TOTAL)
          for (const kr of krs) {
            const tasks = [...snap.tasks.values()].filter((t) => t.placement.keyResultId === kr.id).length
            expect(isMeasurable(kr, tasks), kr.title).toBe(true)
          }
        }
        if (template.team !== null) {
          const bottomUp = objectives.filter((o) => o.origin === Origin.BottomUp).length
          expect(bottomUp / objectives.length).toBeGreaterThanOrEqual(0.5)
        }
      })

      it('writes everything in one transaction', () => {
        const { doc, s, cycleId } = freshCycle()
        let transactions = 0
        doc.on('afterTransaction', () => (transactions += 1))
        applyTemplate(s, { cycleId, templateId: template.id })
        expect(transactions).toBe(1)
      })
    })
  }

  it('puts due dates inside the cycle and tasks in the to-do column', () => {
    const { doc, s, cycleId } = freshCycle()
    applyTemplate(s, { cycleId, templateId: TemplateId.ProductTeam })
    const snap = snapshot(doc)
    const dated = [...snap.keyResults.values()].filter((k) => k.dueDate !== null)
    expect(dated.map((k) => k.dueDate).sort()).toEqual(['2026-05-16', '2026-06-30'])
    expect(snap.tasks.size).toBe(3)
    for (const t of snap.tasks.values()) expect(t.placement.columnId).toBe('todo')
  })

  it('keeps the template’s order of objectives and key results (ids break the timestamp tie)', () => {
    const { doc, s, cycleId } = freshCycle()
    applyTemplate(s, { cycleId, templateId: TemplateId.SalesTeam })
    const snap = snapshot(doc)
    const template = OKR_TEMPLATES.find((t) => t.id === TemplateId.SalesTeam)!
    const objectives = [...snap.objectives.values()].sort((a, b) => (a.id < b.id ? -1 : 1))
    expect(objectives.map((o) => o.title)).toEqual(template.objectives.map((o) => o.title))
    objectives.forEach((o, i) => {
      expect(keyResultsOf(snap, o.id).map((k) => k.title)).toEqual(template.objectives[i]!.keyResults.map((k) => k.title))
    })
  })

  it('reuses a team of the same name', () => {
    const { doc, s, cycleId } = freshCycle()
    const product = createTeam(s, { name: 'product' })
    applyTemplate(s, { cycleId, templateId: TemplateId.ProductTeam })
    const snap = snapshot(doc)
    expect(snap.teams.size).toBe(1)
    for (const o of snap.objectives.values()) expect(o.teamId).toBe(product)
  })

  it('refuses a cycle that already has objectives, a published cycle, an unknown template', () => {
    const { doc, s, cycleId } = freshCycle()
    const expectRefused = (code: CommandErrorCode, fn: () => unknown) => {
      const before = Y.encodeStateVector(doc)
      expect(fn).toThrow(CommandError)
      try {
        fn()
      } catch (e) {
        expect((e as CommandError).code).toBe(code)
      }
      expect(Y.encodeStateVector(doc)).toEqual(before)
    }
    expectRefused(CommandErrorCode.Invalid, () => applyTemplate(s, { cycleId, templateId: 'nope' as TemplateId }))
    createObjective(s, { cycleId, title: 'Ours' })
    expectRefused(CommandErrorCode.InUse, () => applyTemplate(s, { cycleId, templateId: TemplateId.SalesTeam }))
    const q3 = createCycle(s, { name: 'Q3 2026', startDate: '2026-07-01', endDate: '2026-09-30' })
    publishCycle(s, q3)
    expectRefused(CommandErrorCode.Locked, () => applyTemplate(s, { cycleId: q3, templateId: TemplateId.SalesTeam }))
  })
})
