/**
 * Offline editing: the server goes down under two open boards, each person edits, one reloads,
 * and when the server is back (same port, same data folder) both boards and the server converge.
 * For the reload, the app's static files are served on the port by a stand-in (helpers/appShell.ts)
 * that answers no API and no sync: the client has no service worker to load itself from.
 */
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { exportWorkspace, seedWorkspace } from './helpers/api.ts'
import { SCREENSHOTS, addTask, card, cell, closeAll, connectionBadge, dragByKeyboard, openWorkspace } from './helpers/app.ts'
import type { Person } from './helpers/app.ts'
import { startAppShell } from './helpers/appShell.ts'
import type { AppShell } from './helpers/appShell.ts'
import { launchBrowser } from './helpers/browser.ts'
import { storedUpdates } from './helpers/offlineCopy.ts'
import { makeDataDir, removeDataDir, startServer } from './helpers/server.ts'
import type { RunningServer } from './helpers/server.ts'

const KR = 'Ship offline mode'

describe('editing while the server is down', () => {
  let browser: Browser | undefined
  let server: RunningServer | undefined
  /** The app's files alone, on the server's port while it is down. */
  let shell: AppShell | undefined
  /** Kept across the restart; removed in afterAll. */
  const dataDir = makeDataDir()
  let people: Person[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
    server = await startServer({ dataDir })
  })

  afterAll(async () => {
    await browser?.close()
    await shell?.close()
    const code = await server?.stop()
    removeDataDir(dataDir)
    if (code !== undefined) expect(code, `server exit; stderr:\n${server?.output().stderr}`).toBe(0)
  })

  afterEach(async () => {
    const opened = people
    people = []
    await closeAll(opened)
  })

  it('keeps both people’s edits, across a reload, and merges them when the server is back', async () => {
    const ws = await seedWorkspace(server!.url, {
      name: 'Offline first',
      objectives: [{ id: 'obj-1', title: 'Work anywhere' }],
      keyResults: [{ id: 'kr-1', objectiveId: 'obj-1', title: KR }],
      tasks: [{ id: 'task-shared', title: 'Shared card', columnId: 'todo', keyResultId: 'kr-1' }],
    })
    const { url, port } = server!
    const ada = await openWorkspace(browser!, url, ws.id, ws.tokens.editor, 'Ada')
    people.push(ada)
    const ben = await openWorkspace(browser!, url, ws.id, ws.tokens.editor, 'Ben')
    people.push(ben)
    const a = ada.page
    const b = ben.page

    // The server goes away (SIGTERM: it saves, closes every connection and exits 0).
    const stopped = server!
    server = undefined
    expect(await stopped.stop(), `server exit; stderr:\n${stopped.output().stderr}`).toBe(0)
    await connectionBadge(a, 'Offline').waitFor()
    await connectionBadge(b, 'Offline').waitFor()

    // Ada adds a card; Ben moves the shared one. Each badge counts its own waiting change.
    const before = await storedUpdates(a, ws.id)
    await addTask(a, 'To do', KR, 'Written offline by Ada')
    await connectionBadge(a, 'Offline · 1 change waiting to sync').waitFor()
    await dragByKeyboard(b, card(b, 'Shared card', 'To do'), 'Shared card', [{ key: 'ArrowRight', over: 'Doing' }])
    await card(cell(b, 'Doing', KR), 'Shared card', 'Doing').waitFor()
    await connectionBadge(b, 'Offline · 1 change waiting to sync').waitFor()
    expect(await card(b, 'Written offline by Ada', 'To do').count()).toBe(0)
    expect(await card(a, 'Shared card', 'Doing').count()).toBe(0)
    await a.screenshot({ path: join(SCREENSHOTS, 'offline-waiting.png') })

    // Ada reloads while the server is still down. Her card was written to IndexedDB first...
    await expect.poll(() => storedUpdates(a, ws.id), { timeout: 10_000 }).toBeGreaterThan(before)
    shell = await startAppShell(port)
    await a.reload()
    // ...so the page opens offline (GET /api/workspaces/:id fails; the role cached for this token is
    // trusted) and shows the card from the local copy, without asking who she is again.
    await card(cell(a, 'To do', KR), 'Written offline by Ada', 'To do').waitFor()
    await card(cell(a, 'To do', KR), 'Shared card', 'To do').waitFor()
    // Her change still waits, and the badge still says so (the count is kept with the copy).
    await connectionBadge(a, 'Offline · 1 change waiting to sync').waitFor()
    await a.screenshot({ path: join(SCREENSHOTS, 'offline-reloaded.png') })
    expect(await a.getByRole('dialog', { name: /^Join / }).count()).toBe(0)
    const down = shell
    shell = undefined
    await down.close()

    // The server comes back on the same port with the same data: both reconnect and converge.
    server = await startServer({ port, dataDir })
    expect(server.url).toBe(url)
    await connectionBadge(a, 'Live').waitFor()
    await connectionBadge(b, 'Live').waitFor()
    // Synced: nothing waits any more, for the next reload either.
    expect(await a.evaluate((key) => localStorage.getItem(key), `roundtable:waiting:${ws.id}`)).toBeNull()
    for (const page of [a, b]) {
      await card(cell(page, 'To do', KR), 'Written offline by Ada', 'To do').waitFor()
      await card(cell(page, 'Doing', KR), 'Shared card', 'Doing').waitFor()
    }

    // The server has both edits too (so a third person would see them).
    const data = await exportWorkspace(url, ws.id, ws.tokens.owner)
    const placed = Object.fromEntries(data.tasks.map((t) => [t.title, t.placement.columnId]))
    expect(placed).toEqual({ 'Shared card': 'doing', 'Written offline by Ada': 'todo' })
    expect([...ada.errors, ...ben.errors]).toEqual([])
  })
})
