/**
 * @module Checks a capability token against a workspace: signature, workspace, role and link
 * version. Failures are JSON errors: 401 for a missing or invalid token, 403 for a role that may
 * not do this, 404 for an unknown workspace (only once the token is valid for it).
 */
import { isId } from '../../shared/model/index.ts'
import { Role, canWrite } from '../../shared/protocol/index.ts'
import { verifyToken } from './tokens.ts'
import { ApiError } from '../errors.ts'
import type { Services } from '../services.ts'

/** Who is asking, once their token has been checked. */
export interface Access {
  readonly workspaceId: string
  readonly role: Role
}

export const Need = { Read: 'read', Write: 'write', Own: 'own' } as const
export type Need = (typeof Need)[keyof typeof Need]

/** The token of a request: `Authorization: Bearer ...`, else the `token` query parameter. */
export function tokenOf(authorization: string | undefined, query: string | undefined): string | undefined {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i)
  return match?.[1] ?? query
}

/** Validates a workspace id from a path before anything else looks at it. */
export function workspaceIdOf(raw: string): string {
  if (!isId(raw)) throw new ApiError(400, 'bad_workspace_id', 'Workspace ids are 1-64 letters, digits, _ or -')
  return raw
}

/** Who holds `token` for `workspaceId`, or a JSON error (401/403/404). */
export function authorize(services: Services, workspaceId: string, token: string | undefined, need: Need): Access {
  const claims = verifyToken(services.secret, token)
  if (claims === null || claims.workspaceId !== workspaceId) {
    throw new ApiError(401, 'invalid_token', 'A valid link token for this workspace is required')
  }
  const meta = services.registry.get(workspaceId)
  if (meta === undefined) throw new ApiError(404, 'workspace_not_found', 'No such workspace')
  if (meta.linkVersions[claims.role] !== claims.version) {
    throw new ApiError(401, 'revoked_token', 'This link was replaced by a newer one')
  }
  if (need === Need.Write && !canWrite(claims.role)) {
    throw new ApiError(403, 'read_only', 'A viewer link cannot change this workspace')
  }
  if (need === Need.Own && claims.role !== Role.Owner) {
    throw new ApiError(403, 'owner_only', 'Only the owner link can do this')
  }
  return { workspaceId, role: claims.role }
}
