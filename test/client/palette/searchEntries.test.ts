import { describe, expect, it } from 'vitest'
import { createCycle, createKeyResult, createObjective, createTask, initWorkspace, openSession, snapshot } from '../../../shared/doc/index.ts'
import type { ColumnId, KeyResultId } from '../../../shared/model/index.ts'
import * as Y from 'yjs'
import { commandEntries, filterEntries, matchRank, recordEntries } from '../../../client/features/palette/searchEntries.ts'
import type { PaletteEntry } from '../../../client/features/palette/searchEntries.ts'

const entry = (title: string): PaletteEntry => ({ key: title, group: 'Task', title, detail: null, target: { kind: 'theme' } })
const titles = (list: readonly PaletteEntry[]) => list.map((e) => e.title)

describe('palette filtering', () => {
  it('matches case-insensitively on substrings of the title', () => {
    const found = filterEntries([entry('Raise trial-to-paid conversion'), entry('Ship onboarding emails'), entry('Fix the TRIAL banner')], 'trial')
    expect(titles(found)).toEqual(['Raise trial-to-paid conversion', 'Fix the TRIAL banner'])
  })

  it('ranks a title that starts with the query first, then word prefixes, then mid-word substrings', () => {
    const list = [entry('Restart the server'), entry('Update the start page'), entry('Start weekly demos')]
    expect(titles(filterEntries(list, 'start'))).toEqual(['Start weekly demos', 'Update the start page', 'Restart the server'])
    expect(matchRank('Restart the server', 'start')).toBe(2)
    expect(matchRank('Update the start page', 'start')).toBe(1)
    expect(matchRank('Anything', 'nope')).toBeNull()
  })

  it('needs every typed word, in any order', () => {
    const list = [entry('Raise trial-to-paid conversion'), entry('Raise NPS')]
    expect(titles(filterEntries(list, 'conv rai'))).toEqual(['Raise trial-to-paid conversion'])
  })

  it('keeps at most `limit` matches', () => {
    const many = Array.from({ length: 80 }, (_, i) => entry(`Task ${i}`))
    expect(filterEntries(many, 'task')).toHaveLength(50)
  })
})

describe('palette entries', () => {
  it('offers the open key result\'s commands to editors only, and the views not on screen', () => {
    const kr = { id: 'kr-1' as KeyResultId, title: 'Raise NPS' }
    const editor = commandEntries({ canEdit: true, view: 'board', openKeyResult: kr, theme: 'light' })
    expect(titles(editor)).toEqual(['New task under Raise NPS', 'Check in Raise NPS', 'Go to OKRs', 'Go to Stall radar', 'Go to Insights', 'Go to Meetings', 'Go to Activity', 'Go to History', 'Switch to the dark theme', 'Keyboard shortcuts'])
    const viewer = commandEntries({ canEdit: false, view: 'tree', openKeyResult: kr, theme: 'dark' })
    expect(titles(viewer)).toEqual(['Go to Board', 'Go to Stall radar', 'Go to Insights', 'Go to Meetings', 'Go to Activity', 'Go to History', 'Switch to the light theme', 'Keyboard shortcuts'])
  })

  it('lists the objectives, key results and tasks of one cycle and everyone in the workspace', () => {
    const doc = new Y.Doc()
    const s = openSession(doc)
    initWorkspace(s, { name: 'Acme' })
    const cycleId = createCycle(s, { name: 'Q1', startDate: '2026-01-01', endDate: '2026-03-31' })
    const other = createCycle(s, { name: 'Q2', startDate: '2026-04-01', endDate: '2026-06-30' })
    const objectiveId = createObjective(s, { cycleId, title: 'Delight customers' })
    createObjective(s, { cycleId: other, title: 'Elsewhere' })
    const keyResultId = createKeyResult(s, { objectiveId, title: 'Raise NPS', start: 20, target: 40, weight: 100 })
    const columnId = [...snapshot(doc).columns.keys()][0] as ColumnId
    createTask(s, { title: 'Call ten customers', columnId, keyResultId })
    const found = recordEntries(snapshot(doc), cycleId)
    expect(found.map((e) => [e.group, e.title, e.detail])).toEqual([
      ['Objective', 'Delight customers', null],
      ['Key result', 'Raise NPS', 'Delight customers'],
      ['Task', 'Call ten customers', `${snapshot(doc).columns.get(columnId)!.name} · Raise NPS`],
    ])
  })
})
