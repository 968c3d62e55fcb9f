/** @module Server configuration read from the environment, validated once at boot. */
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import { DEFAULT_LIMITS } from './limits.ts'
import type { Limits } from './limits.ts'

/**
 * The repository root, so defaults do not depend on the working directory. This file and the
 * server bundle (dist/server.mjs, see bundleServer.ts) both sit one directory below it.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url))
/** Where `vite build` writes the client (see vite.config.ts). */
export const DEFAULT_CLIENT_DIR = resolve(PROJECT_ROOT, 'dist/client')

export const DEFAULT_PORT = 8080
export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_DATA_DIR = './data'
/** Days checkpoints are kept when CHECKPOINT_RETENTION_DAYS is unset. */
export const DEFAULT_CHECKPOINT_RETENTION_DAYS = 90
/** Token signing needs a secret that cannot be guessed; shorter ones are refused. */
export const MIN_SECRET_LENGTH = 16
/** Webhook deliveries held at once, server-wide, when WEBHOOKS_MAX_PENDING is unset. */
export const DEFAULT_WEBHOOKS_MAX_PENDING = 1_000
/** A webhook request without an answer is given up after this long, when WEBHOOKS_TIMEOUT_MS is unset. */
export const DEFAULT_WEBHOOKS_TIMEOUT_MS = 10_000

/** How the server calls webhooks (WEBHOOKS_* variables). */
export interface WebhooksConfig {
  /** Hooks may call loopback, private and link-local addresses (WEBHOOKS_ALLOW_PRIVATE=1). */
  readonly allowPrivate: boolean
  /** Deliveries held at once (sending or waiting for a retry); past it the oldest is dropped. */
  readonly maxPending: number
  readonly timeoutMs: number
}

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
  /** Hard limits and the group-commit window (ROUNDTABLE_* variables, see LIMIT_ENV). */
  readonly limits: Limits
  /** Days a workspace's checkpoints are kept (CHECKPOINT_RETENTION_DAYS, default 90; 0 keeps all). */
  readonly checkpointRetentionDays: number
  /** Where people open the app (PUBLIC_URL, no trailing slash): links in webhook payloads; null uses the origin a hook was created from. */
  readonly publicUrl: string | null
  readonly webhooks: WebhooksConfig
  /**
   * REDIS_URL: instances relay rooms' updates and presence to each other through this Redis
   * (server/relay); null runs one instance alone. Needs DATABASE_URL: instances must share documents.
   */
  readonly redisUrl: string | null
  /**
   * DATABASE_URL: documents, checkpoints, ballots, the registry and the link secret live in this
   * PostgreSQL (server/storage/pg) instead of DATA_DIR; null keeps them in DATA_DIR.
   */
  readonly databaseUrl: string | null
}

/** The limits that can be tuned from the environment, and their variable names. */
export const LIMIT_ENV: Readonly<Partial<Record<keyof Limits, string>>> = {
  commitWindowMs: 'ROUNDTABLE_COMMIT_MS',
  broadcastWindowMs: 'ROUNDTABLE_BROADCAST_MS',
  maxMessageBytes: 'ROUNDTABLE_MAX_MESSAGE_BYTES',
  maxDocBytes: 'ROUNDTABLE_MAX_DOC_BYTES',
  messagesPerSecond: 'ROUNDTABLE_MESSAGES_PER_SECOND',
  bytesPerSecond: 'ROUNDTABLE_BYTES_PER_SECOND',
  maxBufferedBytes: 'ROUNDTABLE_MAX_BUFFERED_BYTES',
  pingIntervalMs: 'ROUNDTABLE_PING_MS',
  compactLogBytes: 'ROUNDTABLE_COMPACT_LOG_BYTES',
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
  const redisUrl = parseRedisUrl(value('REDIS_URL'))
  const databaseUrl = parseDatabaseUrl(value('DATABASE_URL'))
  if (redisUrl !== null && databaseUrl === null) {
    throw new ConfigError(
      'REDIS_URL is set but DATABASE_URL is not: instances relaying through Redis must share their documents in PostgreSQL ' +
        '(each one alone on its own DATA_DIR would diverge); set DATABASE_URL too, or unset REDIS_URL to run one instance',
    )
  }
  return {
    port: parsePort(value('PORT')),
    host: value('HOST') ?? DEFAULT_HOST,
    dataDir: resolve(cwd, value('DATA_DIR') ?? DEFAULT_DATA_DIR),
    clientDir: clientDir === undefined ? DEFAULT_CLIENT_DIR : resolve(cwd, clientDir),
    secret,
    limits: readLimits(value),
    checkpointRetentionDays: parseRetention(value('CHECKPOINT_RETENTION_DAYS')),
    publicUrl: parsePublicUrl(value('PUBLIC_URL')),
    webhooks: {
      allowPrivate: parseFlag('WEBHOOKS_ALLOW_PRIVATE', value('WEBHOOKS_ALLOW_PRIVATE')),
      maxPending: parseCount('WEBHOOKS_MAX_PENDING', value('WEBHOOKS_MAX_PENDING'), DEFAULT_WEBHOOKS_MAX_PENDING),
      timeoutMs: parseCount('WEBHOOKS_TIMEOUT_MS', value('WEBHOOKS_TIMEOUT_MS'), DEFAULT_WEBHOOKS_TIMEOUT_MS),
    },
    redisUrl,
    databaseUrl,
  }
}

function parseDatabaseUrl(raw: string | undefined): string | null {
  if (raw === undefined) return null
  const url = URL.canParse(raw) ? new URL(raw) : null
  if (url === null || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')) {
    throw new ConfigError(`DATABASE_URL must be a postgres:// or postgresql:// URL such as postgres://roundtable@127.0.0.1:5432/roundtable, got ${JSON.stringify(raw.replace(/\/\/[^@/]*@/, '//***@'))}`)
  }
  return raw
}

function parseRedisUrl(raw: string | undefined): string | null {
  if (raw === undefined) return null
  const url = URL.canParse(raw) ? new URL(raw) : null
  if (url === null || (url.protocol !== 'redis:' && url.protocol !== 'rediss:')) throw new ConfigError(`REDIS_URL must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379, got ${JSON.stringify(raw)}`)
  return raw
}

function parsePublicUrl(raw: string | undefined): string | null {
  if (raw === undefined) return null
  const url = URL.canParse(raw) ? new URL(raw) : null
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new ConfigError(`PUBLIC_URL must be an http(s) URL such as https://okr.example.com, got ${JSON.stringify(raw)}`)
  return url.href.replace(/\/+$/, '')
}

function parseFlag(name: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === '0' || raw === 'false') return false
  if (raw === '1' || raw === 'true') return true
  throw new ConfigError(`${name} must be 1 or 0, got ${JSON.stringify(raw)}`)
}

function parseCount(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  const n = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN
  if (!(n >= 1)) throw new ConfigError(`${name} must be a whole number of at least 1, got ${JSON.stringify(raw)}`)
  return n
}

function parseRetention(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_CHECKPOINT_RETENTION_DAYS
  const days = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN
  if (!(days >= 0)) throw new ConfigError(`CHECKPOINT_RETENTION_DAYS must be a whole number of days (0 keeps every checkpoint), got ${JSON.stringify(raw)}`)
  return days
}

function readLimits(value: (name: string) => string | undefined): Limits {
  const limits: Record<string, number> = { ...DEFAULT_LIMITS }
  for (const [key, name] of Object.entries(LIMIT_ENV)) {
    const raw = value(name)
    if (raw === undefined) continue
    const n = /^\d{1,12}$/.test(raw) ? Number(raw) : Number.NaN
    const min = key === 'commitWindowMs' || key === 'broadcastWindowMs' ? 0 : 1
    if (!(n >= min)) throw new ConfigError(`${name} must be a whole number of at least ${min}, got ${JSON.stringify(raw)}`)
    limits[key] = n
  }
  return limits as unknown as Limits
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
