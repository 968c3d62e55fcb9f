/**
 * Two people on one board, each in a browser context of their own (own storage, own IndexedDB),
 * against the real server on an empty data folder: what one creates or moves, the other sees.
 */
import { describe, expect, it } from 'vitest'
import { browserSuite } from './helpers/suite.ts'
import { createWorkspace, exportWorkspace, seedWorkspace } from './helpers/api.ts'
import { card, cell, dragByKeyboard, dragByPointer, openWorkspace } from './helpers/app.ts'
import type { Person } from './helpers/app.ts'

describe('the board, shared by two people', () => {
  const suite = browserSuite()

  const open = async (workspaceId: string, token: string, name: string): Promise<Person> => {
    const person = await openWorkspace(suite.browser, suite.server.url, workspaceId, token, name)
    suite.track(person)
    return person
  }

  it('shows an objective, a key result and a task created by A in B, live', async () => {
    const ws = await createWorkspace(suite.server.url, 'Two of us')
    const ada = await open(ws.id, ws.tokens.editor, 'Ada')
    const ben = await open(ws.id, ws.tokens.editor, 'Ben')
    const a = ada.page
    const b = ben.page
    // Presence: each sees both.
    await a.getByRole('banner').getByRole('group', { name: '2 people here' }).waitFor()
    await b.getByRole('banner').getByRole('group', { name: '2 people here' }).waitFor()

    // The new workspace's cycle is a draft: objectives can be added from the board's toolbar.
    await a.getByRole('button', { name: 'Add objective', exact: true }).click()
    const objectiveForm = a.getByRole('form', { name: /^New objective in / })
    await objectiveForm.getByRole('textbox', { name: 'Objective' }).fill('Delight first-week users')
    await objectiveForm.getByRole('button', { name: 'Add objective' }).click()
    await b.getByRole('region', { name: 'Objective: Delight first-week users' }).waitFor()

    await a.getByRole('button', { name: 'Add key result to Delight first-week users' }).click()
    const krForm = a.getByRole('form', { name: 'New key result for Delight first-week users' })
    await krForm.getByRole('textbox', { name: 'Key result' }).fill('Raise week-one activation')
    await krForm.getByRole('spinbutton', { name: 'Start' }).fill('20')
    await krForm.getByRole('spinbutton', { name: 'Target' }).fill('40')
    await krForm.getByRole('textbox', { name: 'Unit' }).fill('%')
    await krForm.getByRole('spinbutton', { name: 'Weight %' }).fill('100')
    await krForm.getByRole('button', { name: 'Add key result' }).click()
    const laneInB = b.getByRole('group', { name: 'Key result: Raise week-one activation' })
    await laneInB.waitFor()
    // B's lane has the four cells of the default columns.
    for (const column of ['To do', 'Doing', 'Blocked', 'Done']) await cell(b, column, 'Raise week-one activation').waitFor()

    await a.getByRole('button', { name: 'Add task to To do · Raise week-one activation' }).click()
    const newTask = a.getByRole('textbox', { name: 'New task in To do · Raise week-one activation' })
    await newTask.fill('Write the welcome email')
    await newTask.press('Enter')
    await card(cell(b, 'To do', 'Raise week-one activation'), 'Write the welcome email', 'To do').waitFor()

    // And the server has it all.
    const data = await exportWorkspace(suite.server.url, ws.id, ws.tokens.owner)
    expect(data.objectives.map((o) => o.title)).toEqual(['Delight first-week users'])
    expect(data.keyResults.map((k) => [k.title, k.start, k.target, k.unit])).toEqual([['Raise week-one activation', 20, 40, '%']])
    expect(data.tasks.map((t) => [t.title, t.placement.columnId])).toEqual([['Write the welcome email', 'todo']])
    // Both people were added to People when they joined.
    expect(data.people.map((p) => p.name).sort()).toEqual(['Ada', 'Ben'])
    expect([...ada.errors, ...ben.errors]).toEqual([])
  })

  it('moves a card dragged by pointer, then by keyboard, in both pages', async () => {
    const kr = 'Cut time to first board'
    const ws = await seedWorkspace(suite.server.url, {
      name: 'Drag and drop',
      objectives: [{ id: 'obj-1', title: 'Faster onboarding' }],
      keyResults: [{ id: 'kr-1', objectiveId: 'obj-1', title: kr }],
      tasks: [
        { id: 'task-1', title: 'Template gallery', columnId: 'todo', keyResultId: 'kr-1' },
        { id: 'task-2', title: 'Sample board', columnId: 'todo', keyResultId: 'kr-1' },
      ],
    })
    const ada = await open(ws.id, ws.tokens.editor, 'Ada')
    const ben = await open(ws.id, ws.tokens.editor, 'Ben')
    const a = ada.page
    const b = ben.page
    await card(cell(b, 'To do', kr), 'Template gallery', 'To do').waitFor()

    // Pointer: To do -> Doing. While held, A previews the card in Doing; after the drop B has it there.
    await dragByPointer(a, card(a, 'Template gallery', 'To do'), cell(a, 'Doing', kr), card(cell(a, 'Doing', kr), 'Template gallery', 'Doing'))
    await card(cell(b, 'Doing', kr), 'Template gallery', 'Doing').waitFor()
    await card(cell(a, 'Doing', kr), 'Template gallery', 'Doing').waitFor()
    expect(await card(a, 'Template gallery', 'To do').count()).toBe(0)
    expect(await card(b, 'Template gallery', 'To do').count()).toBe(0)
    // The other card stayed put.
    expect(await card(cell(b, 'To do', kr), 'Sample board', 'To do').count()).toBe(1)

    // Keyboard: Space lifts, ArrowRight moves one column to the right, Space drops. Doing -> Blocked.
    await dragByKeyboard(a, card(a, 'Template gallery', 'Doing'), 'Template gallery', [{ key: 'ArrowRight', over: 'Blocked' }])
    await card(cell(b, 'Blocked', kr), 'Template gallery', 'Blocked').waitFor()
    await card(cell(a, 'Blocked', kr), 'Template gallery', 'Blocked').waitFor()
    expect(await card(b, 'Template gallery', 'Doing').count()).toBe(0)

    // B drags too, and A sees it: proves the moves go both ways, not just from A.
    await dragByKeyboard(b, card(b, 'Sample board', 'To do'), 'Sample board', [{ key: 'ArrowRight', over: 'Doing' }])
    await card(cell(a, 'Doing', kr), 'Sample board', 'Doing').waitFor()

    const data = await exportWorkspace(suite.server.url, ws.id, ws.tokens.owner)
    const placed = Object.fromEntries(data.tasks.map((t) => [t.title, [t.placement.columnId, t.placement.keyResultId]]))
    expect(placed).toEqual({ 'Template gallery': ['blocked', 'kr-1'], 'Sample board': ['doing', 'kr-1'] })
    expect([...ada.errors, ...ben.errors]).toEqual([])
  })
})
