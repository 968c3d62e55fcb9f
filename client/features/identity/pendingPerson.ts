/**
 * @module "Add me to People", remembered until done: the person record is created once the
 * workspace is open (by then the real connection carries it), not by the short-lived probe.
 */
const key = (workspaceId: string) => `roundtable:new-person:${workspaceId}`

export function setPendingPerson(workspaceId: string, personId: string): void {
  try {
    localStorage.setItem(key(workspaceId), personId)
  } catch {
    // Without storage the person is simply not added; the name still shows in presence.
  }
}

export function takePendingPerson(workspaceId: string): string | null {
  try {
    const id = localStorage.getItem(key(workspaceId))
    localStorage.removeItem(key(workspaceId))
    return id
  } catch {
    return null
  }
}
