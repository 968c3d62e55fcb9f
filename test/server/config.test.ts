import { describe, expect, it } from 'vitest'
import { ConfigError, DEFAULT_CLIENT_DIR, baseUrl, readConfig } from '../../server/config.ts'
import { DEFAULT_LIMITS } from '../../server/limits.ts'

const cwd = '/srv/roundtable'

describe('readConfig', () => {
  it('uses the documented defaults', () => {
    expect(readConfig({}, cwd)).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/srv/roundtable/data',
      clientDir: DEFAULT_CLIENT_DIR,
      secret: undefined,
      limits: DEFAULT_LIMITS,
      checkpointRetentionDays: 90,
      publicUrl: null,
      webhooks: { allowPrivate: false, maxPending: 1000, timeoutMs: 10_000 },
      redisUrl: null,
      databaseUrl: null,
    })
  })

  it('treats empty values as unset', () => {
    expect(readConfig({ PORT: '', HOST: ' ', DATA_DIR: '', ROUNDTABLE_SECRET: '' }, cwd)).toEqual(
      readConfig({}, cwd),
    )
  })

  it('reads every variable and resolves paths against the working directory', () => {
    const config = readConfig(
      {
        PORT: '9000',
        HOST: '0.0.0.0',
        DATA_DIR: 'var/rt',
        CLIENT_DIR: '/opt/client',
        ROUNDTABLE_SECRET: 'a-long-enough-secret',
        CHECKPOINT_RETENTION_DAYS: '30',
        PUBLIC_URL: 'https://okr.example.com/',
        WEBHOOKS_ALLOW_PRIVATE: '1',
        WEBHOOKS_MAX_PENDING: '50',
        WEBHOOKS_TIMEOUT_MS: '2000',
      },
      cwd,
    )
    expect(config).toEqual({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/srv/roundtable/var/rt',
      clientDir: '/opt/client',
      secret: 'a-long-enough-secret',
      limits: DEFAULT_LIMITS,
      checkpointRetentionDays: 30,
      publicUrl: 'https://okr.example.com',
      webhooks: { allowPrivate: true, maxPending: 50, timeoutMs: 2000 },
      redisUrl: null,
      databaseUrl: null,
    })
  })

  it('refuses a PUBLIC_URL that is not http(s) and webhook settings that are not numbers or flags', () => {
    expect(() => readConfig({ PUBLIC_URL: 'ftp://x' }, cwd)).toThrow(/^PUBLIC_URL must be an http\(s\) URL/)
    expect(() => readConfig({ WEBHOOKS_ALLOW_PRIVATE: 'yes' }, cwd)).toThrow(/^WEBHOOKS_ALLOW_PRIVATE must be 1 or 0/)
    expect(() => readConfig({ WEBHOOKS_MAX_PENDING: '0' }, cwd)).toThrow(/^WEBHOOKS_MAX_PENDING must be a whole number/)
  })

  it('reads limits from ROUNDTABLE_* variables and refuses bad ones', () => {
    const config = readConfig({ ROUNDTABLE_COMMIT_MS: '0', ROUNDTABLE_MAX_MESSAGE_BYTES: '2048' }, cwd)
    expect(config.limits).toEqual({ ...DEFAULT_LIMITS, commitWindowMs: 0, maxMessageBytes: 2048 })
    expect(() => readConfig({ ROUNDTABLE_MAX_DOC_BYTES: '0' }, cwd)).toThrow(/ROUNDTABLE_MAX_DOC_BYTES must be a whole number/)
    expect(() => readConfig({ ROUNDTABLE_PING_MS: '10s' }, cwd)).toThrow(ConfigError)
  })

  it('refuses a CHECKPOINT_RETENTION_DAYS that is not a whole number of days', () => {
    expect(readConfig({ CHECKPOINT_RETENTION_DAYS: '0' }, cwd).checkpointRetentionDays).toBe(0)
    expect(() => readConfig({ CHECKPOINT_RETENTION_DAYS: '90d' }, cwd)).toThrow(/^CHECKPOINT_RETENTION_DAYS must be a whole number/)
  })

  it('accepts PORT 0 (a free port) and 65535', () => {
    expect(readConfig({ PORT: '0' }, cwd).port).toBe(0)
    expect(readConfig({ PORT: '65535' }, cwd).port).toBe(65535)
  })

  it.each(['abc', '-1', '65536', '80.5', '8e3', '0x50', '123456'])('refuses PORT=%j', (port) => {
    expect(() => readConfig({ PORT: port }, cwd)).toThrow(ConfigError)
    expect(() => readConfig({ PORT: port }, cwd)).toThrow(/^PORT must be a whole number from 0 to 65535/)
  })

  it('refuses a ROUNDTABLE_SECRET that is too short', () => {
    expect(() => readConfig({ ROUNDTABLE_SECRET: 'short' }, cwd)).toThrow(/ROUNDTABLE_SECRET must be at least 16/)
  })

  it('takes REDIS_URL with DATABASE_URL, and refuses it alone (instances could not share documents)', () => {
    const both = { REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://localhost/roundtable' }
    expect(readConfig(both, cwd).redisUrl).toBe('redis://127.0.0.1:6379')
    expect(() => readConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }, cwd)).toThrow(/^REDIS_URL is set but DATABASE_URL is not/)
    expect(() => readConfig({ ...both, REDIS_URL: 'http://127.0.0.1:6379' }, cwd)).toThrow(/^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/)
    expect(readConfig({ REDIS_URL: '' }, cwd).redisUrl).toBeNull()
  })

  it('takes DATABASE_URL as a postgres URL, refuses anything else without echoing its password', () => {
    expect(readConfig({ DATABASE_URL: 'postgresql://rt:pw@127.0.0.1:5432/rt' }, cwd).databaseUrl).toBe('postgresql://rt:pw@127.0.0.1:5432/rt')
    expect(readConfig({ DATABASE_URL: '' }, cwd).databaseUrl).toBeNull()
    const refused = () => readConfig({ DATABASE_URL: 'mysql://rt:hunter2@127.0.0.1/rt' }, cwd)
    expect(refused).toThrow(/^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/)
    expect(refused).not.toThrow(/hunter2/)
  })
})

describe('baseUrl', () => {
  it('brackets IPv6 hosts', () => {
    expect(baseUrl('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080')
    expect(baseUrl('::1', 8080)).toBe('http://[::1]:8080')
  })
})
