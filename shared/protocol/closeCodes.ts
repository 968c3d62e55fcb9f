/** @module Websocket close codes of the sync endpoint (DESIGN.md contracts); never write them inline. */

export const CloseCode = {
  /** A normal close, e.g. the server shutting down. */
  Normal: 1000,
  /** The server is restarting; reconnect. */
  GoingAway: 1001,
  /** A message that cannot be decoded or is not allowed by the protocol. */
  BadMessage: 4400,
  /** No token, or a token that is invalid or revoked. */
  Unauthorized: 4401,
  /** The token is valid but its role may not do this (a viewer writing). */
  Forbidden: 4403,
  /** No such workspace. */
  NotFound: 4404,
  /** A message or the document grew past its limit. */
  TooLarge: 4413,
  /** More messages or bytes per second than allowed. */
  TooFast: 4429,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/** Short reasons sent with each close code (a close reason must stay under 123 bytes). */
export const CLOSE_REASON: Readonly<Record<CloseCode, string>> = {
  [CloseCode.Normal]: 'closing',
  [CloseCode.GoingAway]: 'server restarting',
  [CloseCode.BadMessage]: 'bad message',
  [CloseCode.Unauthorized]: 'missing or invalid token',
  [CloseCode.Forbidden]: 'not allowed for this link',
  [CloseCode.NotFound]: 'no such workspace',
  [CloseCode.TooLarge]: 'too large',
  [CloseCode.TooFast]: 'too fast',
}
