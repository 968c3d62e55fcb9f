/** @module The page's IndexedDB copy of a workspace (client/sync/offlineCopy.ts, y-indexeddb's layout), read from the page. */
import type { Page } from 'playwright-core'

/** Updates stored in the page's IndexedDB copy of the workspace (its "updates" store). */
export function storedUpdates(page: Page, workspaceId: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name)
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const count = db.transaction('updates').objectStore('updates').count()
          count.onsuccess = () => {
            db.close()
            resolve(count.result)
          }
          count.onerror = () => reject(count.error)
        }
      }),
    `roundtable:${workspaceId}`,
  )
}
