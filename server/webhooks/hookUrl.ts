/**
 * @module Which URLs a webhook may call. Only http(s); and unless the server allows it
 * (`WEBHOOKS_ALLOW_PRIVATE=1`, for self-hosting and the tests' local receiver), none whose host is
 * or resolves to a loopback, private, link-local or otherwise non-public address: a hook must
 * not let a workspace owner make the server call the machines behind it. Checked when a hook is
 * created and again before each delivery (the name may resolve elsewhere by then).
 */
import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

/** Longest URL a hook may have. */
export const MAX_HOOK_URL_LENGTH = 2_000

// One list per family: a BlockList also matches IPv4 addresses against IPv4-mapped IPv6 rules.
const NON_PUBLIC_V4 = new BlockList()
const NON_PUBLIC_V6 = new BlockList()
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (and cloud metadata services)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const) NON_PUBLIC_V4.addSubnet(net, bits, 'ipv4')
for (const [net, bits] of [
  ['::', 127], // unspecified and loopback (::, ::1)
  ['::ffff:0:0', 96], // IPv4-mapped: written so, any IPv4 address hides behind it
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
] as const) NON_PUBLIC_V6.addSubnet(net, bits, 'ipv6')

/** Whether an IP address (v4 or v6, no brackets) is loopback, private, link-local or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 0) return true
  return family === 4 ? NON_PUBLIC_V4.check(address, 'ipv4') : NON_PUBLIC_V6.check(address, 'ipv6')
}

export type HookUrlCheck = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly code: 'bad_url' | 'private_url'; readonly message: string }

export interface HookUrlOptions {
  /** Let hooks call loopback and private addresses (WEBHOOKS_ALLOW_PRIVATE). */
  readonly allowPrivate: boolean
  /** Resolves a host name to its addresses; default the system resolver (tests pass their own). */
  readonly resolve?: (host: string) => Promise<readonly string[]>
}

const systemResolve = async (host: string) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address)

/** Checks `raw` as a hook URL: parsed, http(s), and (unless allowed) public. */
export async function checkHookUrl(raw: string, options: HookUrlOptions): Promise<HookUrlCheck> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, code: 'bad_url', message: 'The webhook URL is not a valid URL' }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, code: 'bad_url', message: 'A webhook URL must start with http:// or https://' }
  if (raw.length > MAX_HOOK_URL_LENGTH) return { ok: false, code: 'bad_url', message: `A webhook URL is at most ${MAX_HOOK_URL_LENGTH} characters` }
  if (options.allowPrivate) return { ok: true, url }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  let addresses: readonly string[]
  try {
    addresses = isIP(host) === 0 ? await (options.resolve ?? systemResolve)(host) : [host]
  } catch {
    return { ok: false, code: 'bad_url', message: `The webhook's host ${host} does not resolve` }
  }
  const inside = addresses.find(isPrivateAddress)
  if (addresses.length === 0 || inside !== undefined) {
    return { ok: false, code: 'private_url', message: `The webhook's host ${host} is a loopback, private or link-local address${inside !== undefined && inside !== host ? ` (${inside})` : ''}; the server's WEBHOOKS_ALLOW_PRIVATE=1 allows those` }
  }
  return { ok: true, url }
}
