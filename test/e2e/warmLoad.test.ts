/**
 * A warm load (issue 16): a board opened once in this browser keeps its offline copy in IndexedDB;
 * on a reload with no change elsewhere, the socket opens only once that copy is read, so the
 * server sends what the copy lacks (a few bytes) instead of the whole document again. Bytes are
 * counted from Chromium's own view of the websocket (CDP Network.webSocketFrameReceived).
 */
import { describe, expect, it } from 'vitest'
import { seedWorkspace } from './helpers/api.ts'
import { answerIdentityPrompt, card, connectionBadge, newPerson } from './helpers/app.ts'
import { storedUpdates } from './helpers/offlineCopy.ts'
import { browserSuite } from './helpers/suite.ts'
import { countWebSocketBytes } from './helpers/webSocketBytes.ts'

describe('a reload with the offline copy present', () => {
  const suite = browserSuite()

  it('receives a small fraction of the document, not the whole board again', async () => {
    const keyResults = Array.from({ length: 6 }, (_, i) => ({ id: `kr-${i}`, objectiveId: 'obj-1', title: `Key result ${i + 1}` }))
    const tasks = Array.from({ length: 300 }, (_, i) => ({
      id: `task-${i}`,
      title: `Card number ${i + 1} with a title of a realistic length`,
      columnId: ['todo', 'doing', 'blocked', 'done'][i % 4]!,
      keyResultId: `kr-${i % keyResults.length}`,
    }))
    const ws = await seedWorkspace(suite.server.url, { name: 'Warm load', objectives: [{ id: 'obj-1', title: 'Ship it' }], keyResults, tasks })
    const person = suite.track(await newPerson(suite.browser, 'Ada'))
    const { page } = person
    const received = await countWebSocketBytes(await person.context.newCDPSession(page))

    await page.goto(`${suite.server.url}/w/${ws.id}#token=${ws.tokens.editor}`)
    await answerIdentityPrompt(page, 'Ada')
    await connectionBadge(page, 'Live').waitFor()
    await card(page, 'Card number 1 with a title of a realistic length', 'To do').waitFor()
    // The synced document is in the offline copy before the reload.
    await expect.poll(() => storedUpdates(page, ws.id), { timeout: 10_000 }).toBeGreaterThan(0)
    const firstLoad = received.take()

    await page.reload()
    await connectionBadge(page, 'Live').waitFor()
    await card(page, 'Card number 1 with a title of a realistic length', 'To do').waitFor()
    const reload = received.take()

    expect(firstLoad, 'the first load receives the whole board').toBeGreaterThan(30_000)
    expect(reload, `reload received ${reload} bytes, the first load ${firstLoad}`).toBeLessThan(firstLoad / 10)
    expect(person.errors).toEqual([])
  })
})
