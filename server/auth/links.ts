/** @module The three capability links of a workspace (owner, editor, viewer) and their tokens. */
import { Role } from '../../shared/protocol/index.ts'
import type { WorkspaceMeta } from '../storage/WorkspaceRegistry.ts'
import { signToken } from './tokens.ts'

const ROLES = Object.values(Role)

export interface WorkspaceLinks {
  readonly id: string
  readonly name: string
  readonly links: Readonly<Record<Role, string>>
  readonly tokens: Readonly<Record<Role, string>>
}

/** Links open the board at `origin/w/:id`; the token rides in the fragment, never in server logs. */
export function workspaceLinks(secret: string, meta: WorkspaceMeta, origin: string): WorkspaceLinks {
  const tokens = Object.fromEntries(
    ROLES.map((role) => [role, signToken(secret, { workspaceId: meta.id, role, version: meta.linkVersions[role] })]),
  ) as Record<Role, string>
  const links = Object.fromEntries(ROLES.map((role) => [role, `${origin}/w/${meta.id}#token=${tokens[role]}`])) as Record<
    Role,
    string
  >
  return { id: meta.id, name: meta.name, links, tokens }
}
