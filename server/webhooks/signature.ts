/**
 * @module Webhook signatures: each hook has its own secret, shown once at its creation; every
 * delivery carries `X-Roundtable-Signature: sha256=<hex>`, the HMAC-SHA256 of the raw body with
 * that secret, so a receiver can tell our requests from anyone else's.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** The header that carries the signature. */
export const SIGNATURE_HEADER = 'X-Roundtable-Signature'

/** A new hook secret: 32 random bytes, base64url, with a prefix that says what it is. */
export function newHookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`
}

/** The header value for `body` signed with `secret`: `sha256=<hex>`. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

/** Whether `signature` is `body` signed with `secret` (constant time): what a receiver checks. */
export function verifySignature(secret: string, body: string, signature: string | undefined): boolean {
  if (signature === undefined) return false
  const expected = Buffer.from(signBody(secret, body))
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
