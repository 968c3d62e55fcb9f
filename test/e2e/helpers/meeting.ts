/**
 * @module The steps the meeting and history suites share: a person joins a workspace link (tracked
 * by the suite, identity answered, live), a meeting of a kind starts from the top bar, and a
 * meeting's panel ends it.
 */
import type { Locator, Page } from 'playwright-core'
import { answerIdentityPrompt, connectionBadge, newPerson } from './app.ts'
import type { Person } from './app.ts'
import type { BrowserSuite } from './suite.ts'

/** A new person, closed after the test, opens `url`, answers "Who are you?" with `name` and waits until live. */
export async function joinAs(suite: BrowserSuite, url: string, name: string): Promise<Person> {
  const person = suite.track(await newPerson(suite.browser, name))
  await person.page.goto(url)
  await answerIdentityPrompt(person.page, name)
  await connectionBadge(person.page, 'Live').waitFor()
  return person
}

/** "Start meeting" in the top bar, then the kind: 'Weekly check-in', 'Review', ... */
export async function startMeeting(page: Page, kind: string): Promise<void> {
  await page.getByRole('button', { name: 'Start meeting' }).click()
  await page.getByRole('button', { name: kind, exact: true }).click()
}

/** "End meeting" in the meeting's panel, and waits until the panel is gone. */
export async function endMeeting(panel: Locator): Promise<void> {
  await panel.getByRole('button', { name: 'End meeting' }).click()
  await panel.waitFor({ state: 'detached' })
}
