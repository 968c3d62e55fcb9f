/** @module What a capability link lets its holder do. */

export const Role = { Owner: 'owner', Editor: 'editor', Viewer: 'viewer' } as const
export type Role = (typeof Role)[keyof typeof Role]

/** Owners and editors change the document; viewers only watch. */
export function canWrite(role: Role): boolean {
  return role === Role.Owner || role === Role.Editor
}
