/**
 * @module Capability tokens: `payload.signature`, both base64url. The payload names the workspace,
 * the role and the link version; rotating a role's links bumps its version, so older tokens of
 * that role stop working. HMAC-SHA256 with the server secret, compared in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { isId } from '../../shared/model/index.ts'
import { Role } from '../../shared/protocol/index.ts'

export interface TokenClaims {
  readonly workspaceId: string
  readonly role: Role
  /** The link version of that role when the token was made. */
  readonly version: number
}

const ROLES: readonly string[] = Object.values(Role)
/** Longer input is not a token of ours; refuse before doing any crypto on it. */
const MAX_TOKEN_LENGTH = 512

export function signToken(secret: string, claims: TokenClaims): string {
  const payload = Buffer.from(JSON.stringify({ w: claims.workspaceId, r: claims.role, v: claims.version })).toString('base64url')
  return `${payload}.${mac(secret, payload)}`
}

/** The claims of a well-formed, correctly signed token; null for anything else. */
export function verifyToken(secret: string, token: string | null | undefined): TokenClaims | null {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null
  const dot = token.indexOf('.')
  if (dot <= 0) return null
  const payload = token.slice(0, dot)
  const given = Buffer.from(token.slice(dot + 1), 'base64url')
  const expected = Buffer.from(mac(secret, payload), 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    if (typeof claims !== 'object' || claims === null) return null
    const { w, r, v } = claims as Record<string, unknown>
    if (!isId(w) || typeof r !== 'string' || !ROLES.includes(r) || !Number.isSafeInteger(v)) return null
    return { workspaceId: w, role: r as Role, version: v as number }
  } catch {
    return null
  }
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url')
}
