/**
 * @module Which "Since last meeting" banner this browser dismissed, per workspace: the checkpoint
 * it counted from. The next meeting's end is another checkpoint, so its banner shows again.
 */

const key = (workspaceId: string) => `roundtable:since-last-meeting:${workspaceId}`

/** The checkpoint id whose banner was dismissed here, if any. */
export function dismissedCheckpoint(workspaceId: string): string | null {
  try {
    return localStorage.getItem(key(workspaceId))
  } catch {
    return null
  }
}

/** Remembers that the banner counted from `checkpoint` was dismissed (storage may be off: then only for this page). */
export function dismissCheckpoint(workspaceId: string, checkpoint: string): void {
  try {
    localStorage.setItem(key(workspaceId), checkpoint)
  } catch {
    // Private mode or full storage: the banner stays dismissed until the page reloads.
  }
}
