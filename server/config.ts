/** @module Server configuration read from the environment, validated once at boot. */
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'

/** The repository root, so defaults do not depend on the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url))
/** Where `vite build` writes the client (see vite.config.ts). */
export const DEFAULT_CLIENT_DIR = resolve(PROJECT_ROOT, 'dist/client')

export const DEFAULT_PORT = 8080
export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_DATA_DIR = './data'
/** Token signing needs a secret that cannot be guessed; shorter ones are refused. */
export const MIN_SECRET_LENGTH = 16

export interface Config {
  /** 0 asks the OS for a free port (tests use it). */
  readonly port: number
  readonly host: string
  /** Absolute path of the data directory. */
  readonly dataDir: string
  /** Absolute path of the built client (holds index.html). */
  readonly clientDir: string
  /** Token signing secret; when undefined one is generated and kept in dataDir. */
  readonly secret: string | undefined
}

/** A configuration mistake: main prints its message (no stack trace) and exits with code 1. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

type Env = Readonly<Record<string, string | undefined>>

/**
 * Reads PORT, HOST, DATA_DIR, CLIENT_DIR and ROUNDTABLE_SECRET. Empty values count as unset;
 * relative paths are resolved against `cwd`. Throws a ConfigError naming the variable at fault.
 */
export function readConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim()
    return raw === undefined || raw === '' ? undefined : raw
  }

  const secret = env.ROUNDTABLE_SECRET === '' ? undefined : env.ROUNDTABLE_SECRET
  if (secret !== undefined && secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(
      `ROUNDTABLE_SECRET must be at least ${MIN_SECRET_LENGTH} characters long (got ${secret.length}); ` +
        'leave it unset to have one generated and kept in DATA_DIR',
    )
  }

  const clientDir = value('CLIENT_DIR')
  return {
    port: parsePort(value('PORT')),
    host: value('HOST') ?? DEFAULT_HOST,
    dataDir: resolve(cwd, value('DATA_DIR') ?? DEFAULT_DATA_DIR),
    clientDir: clientDir === undefined ? DEFAULT_CLIENT_DIR : resolve(cwd, clientDir),
    secret,
  }
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PORT
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN
  if (!(port >= 0 && port <= 65535)) {
    throw new ConfigError(
      `PORT must be a whole number from 0 to 65535 (0 picks a free port), got ${JSON.stringify(raw)}`,
    )
  }
  return port
}

/** `http://HOST:PORT`, with brackets around an IPv6 host. */
export function baseUrl(host: string, port: number): string {
  const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  return `http://${shown}:${port}`
}
