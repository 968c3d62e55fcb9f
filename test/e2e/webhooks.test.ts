/**
 * The owner's webhook settings in the browser: from the Share dialog, add a local receiver's URL
 * with its events (the secret shown once), send a test event the receiver gets signed, see it in
 * the delivery log, delete the hook. Screenshots at 1440x900 (light and dark) and 390x844.
 */
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, Server } from 'node:http'
import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifySignature } from '../../server/webhooks/signature.ts'
import { browserSuite } from './helpers/suite.ts'
import { seedWorkspace } from './helpers/api.ts'
import { openWorkspace } from './helpers/app.ts'
import { axeScan } from './helpers/axe.ts'

const SHOTS = '/tmp/shots'
const received: { headers: IncomingHttpHeaders; body: string }[] = []
let receiver: Server
let allowPrivate: string | undefined

describe('webhook settings', () => {
  beforeAll(async () => {
    // The server the suite starts inherits this: the receiver is on 127.0.0.1.
    allowPrivate = process.env.WEBHOOKS_ALLOW_PRIVATE
    process.env.WEBHOOKS_ALLOW_PRIVATE = '1'
    receiver = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
      req.on('end', () => {
        received.push({ headers: req.headers, body })
        res.end('ok')
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    mkdirSync(SHOTS, { recursive: true })
  })
  const suite = browserSuite()
  afterAll(async () => {
    if (allowPrivate === undefined) delete process.env.WEBHOOKS_ALLOW_PRIVATE
    else process.env.WEBHOOKS_ALLOW_PRIVATE = allowPrivate
    receiver.closeAllConnections()
    await new Promise((resolve) => receiver.close(resolve))
  })

  it('adds a hook, shows its secret once, sends a signed test event, logs it, deletes the hook', async () => {
    const ws = await seedWorkspace(suite.server.url, {
      name: 'Hooks',
      objectives: [{ id: 'obj-1', title: 'Faster onboarding' }],
      keyResults: [{ id: 'kr-1', objectiveId: 'obj-1', title: 'Cut time to first board', weight: 100 }],
      tasks: [],
    })
    const owner = suite.track(await openWorkspace(suite.browser, suite.server.url, ws.id, ws.tokens.owner, 'Olga'))
    const page = owner.page
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.getByRole('button', { name: /^Share/ }).click()
    await page.getByRole('button', { name: 'Manage webhooks…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Webhooks' })
    await dialog.getByRole('heading', { name: 'No webhooks yet' }).waitFor()

    const address = receiver.address()
    const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/roundtable`
    await dialog.getByLabel('Webhook URL').fill(url)
    await dialog.getByRole('group', { name: 'Events to send' }).getByLabel('Tasks done').check()
    await dialog.getByRole('button', { name: 'Add webhook' }).click()
    const secret = await dialog.getByRole('textbox', { name: 'Signing secret' }).inputValue()
    expect(secret).toMatch(/^whsec_/)
    await dialog.getByRole('heading', { name: '1 webhook' }).waitFor()
    const hook = dialog.getByRole('listitem').filter({ hasText: url })
    expect(await hook.getByRole('group', { name: 'Events' }).getByLabel('Tasks done').isChecked()).toBe(true)
    expect(await hook.getByRole('group', { name: 'Events' }).getByLabel('Mentions').isChecked()).toBe(false)

    await hook.getByRole('button', { name: 'Send test event' }).click()
    await expect.poll(() => received.length).toBe(1)
    expect(verifySignature(secret, received[0]!.body, received[0]!.headers['x-roundtable-signature'] as string)).toBe(true)
    await expect
      .poll(async () => {
        await hook.getByRole('button', { name: 'Refresh' }).click()
        return hook.getByRole('row').filter({ hasText: 'delivered' }).count()
      })
      .toBe(1)
    expect(await hook.getByRole('row').filter({ hasText: 'delivered' }).innerText()).toMatch(/Test\s+just now\s+200/)

    await page.screenshot({ path: `${SHOTS}/webhooks-1440-light.png` })
    expect((await axeScan(page, 'webhooks, light')).blocking).toEqual([])
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: `${SHOTS}/webhooks-1440-dark.png` })
    expect((await axeScan(page, 'webhooks, dark')).blocking).toEqual([])
    await page.emulateMedia({ colorScheme: 'light' })
    await dialog.getByRole('button', { name: 'I have kept it' }).click()
    await dialog.getByRole('textbox', { name: 'Signing secret' }).waitFor({ state: 'detached' })

    // On a phone the Share button sits in the More menu; the dialogs open the same way from it.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.getByRole('button', { name: 'More' }).click()
    await page.getByRole('button', { name: /^Share/ }).click()
    await page.getByRole('button', { name: 'Manage webhooks…' }).click()
    await dialog.getByRole('heading', { name: '1 webhook' }).waitFor()
    await page.screenshot({ path: `${SHOTS}/webhooks-390-light.png` })
    await hook.getByRole('button', { name: 'Send test event' }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/webhooks-390-light-log.png` })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: `${SHOTS}/webhooks-390-dark-log.png` })
    await page.emulateMedia({ colorScheme: 'light' })

    // Opened again, the dialog lists the hook but never its secret; delete asks first.
    expect(await dialog.getByRole('textbox', { name: 'Signing secret' }).count()).toBe(0)
    await hook.getByRole('button', { name: 'Delete…' }).click()
    await hook.getByRole('button', { name: 'Delete this webhook' }).click()
    await dialog.getByRole('heading', { name: 'No webhooks yet' }).waitFor()
    expect(owner.errors).toEqual([])
  })
})
