/**
 * @module The secret that signs capability links: ROUNDTABLE_SECRET when set, else one generated
 * on first start and kept in DATA_DIR/secret with mode 0600 (only the server's user can read it).
 */
import { randomBytes } from 'node:crypto'
import { chmod, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export const SECRET_FILE = 'secret'

/** The configured secret, or the one stored in `dataDir` (created on first use). */
export async function loadSecret(dataDir: string, configured: string | undefined): Promise<string> {
  if (configured !== undefined) return configured
  const path = join(dataDir, SECRET_FILE)
  try {
    // `wx`: never overwrite an existing secret, even if two processes race on first start.
    await writeFile(path, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  }
  const info = await stat(path)
  if ((info.mode & 0o077) !== 0) await chmod(path, 0o600)
  const secret = (await readFile(path, 'utf8')).trim()
  if (secret.length < 16) throw new Error(`${path} holds no usable secret: delete it to generate a new one`)
  return secret
}
