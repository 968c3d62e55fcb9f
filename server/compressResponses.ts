/**
 * @module compressResponses(): brotli or gzip, as the client asks, for the bodies the server writes
 * itself (API JSON, Markdown exports, metrics text). Hono's own `compress` offers neither brotli
 * nor a size floor for bodies without a Content-Length (every `c.json`), so an 11-byte `{"ok":true}`
 * would grow to 31. The client's files are compressed at build time instead (routes/client.ts).
 */
import { promisify } from 'node:util'
import { brotliCompress, constants as zlib, gzip } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'
import { accepts } from 'hono/accepts'
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress'

/** Below this a body is sent as it is: the compressed one would be barely smaller, or larger. */
export const MIN_COMPRESS_BYTES = 1024

/**
 * Brotli 5 compresses about as fast as gzip's default and a few percent smaller; both run on
 * libuv's thread pool, never on the event loop that serves the sync sockets.
 */
const ENCODERS = {
  br: (body: Uint8Array) => brotli(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body: Uint8Array) => gzipped(body),
} as const
type Encoding = keyof typeof ENCODERS
const IDENTITY = 'identity'
const brotli = promisify(brotliCompress)
const gzipped = promisify(gzip)

/** The encoding with the highest q the client gives (`*` counts), brotli first among equals. */
function preferred(header: readonly { type: string; q: number }[], config: { supports: readonly string[]; default: string }): string {
  const wildcard = header.find((a) => a.type === '*')?.q ?? 0
  let best = { encoding: config.default, q: 0 }
  for (const encoding of config.supports) {
    const q = header.find((a) => a.type.toLowerCase() === encoding)?.q ?? wildcard
    if (q > best.q) best = { encoding, q }
  }
  return best.encoding
}

export function compressResponses(minBytes: number = MIN_COMPRESS_BYTES): MiddlewareHandler {
  return async function compressResponses(c, next) {
    await next()
    const res = c.res
    if (c.req.method === 'HEAD' || res.body === null || res.headers.has('Content-Encoding')) return
    if (!COMPRESSIBLE_CONTENT_TYPE_REGEX.test(res.headers.get('Content-Type') ?? '')) return
    const vary = res.headers.get('Vary')
    if (vary === null) res.headers.set('Vary', 'Accept-Encoding')
    else if (vary !== '*' && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary)) res.headers.set('Vary', `${vary}, Accept-Encoding`)
    const encoding = accepts(c, { header: 'Accept-Encoding', supports: Object.keys(ENCODERS), default: IDENTITY, match: preferred })
    if (encoding === IDENTITY) return

    // Every body here is already in memory (a string or bytes), so buffering it costs nothing.
    const body = new Uint8Array(await res.arrayBuffer())
    const compressed = body.length < minBytes ? undefined : await ENCODERS[encoding as Encoding](body)
    c.res = new Response(compressed ?? body, res)
    if (compressed === undefined) return
    c.res.headers.set('Content-Encoding', encoding)
    c.res.headers.set('Content-Length', String(compressed.length))
  }
}
