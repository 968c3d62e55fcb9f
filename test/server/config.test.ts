import { describe, expect, it } from 'vitest'
import { ConfigError, DEFAULT_CLIENT_DIR, baseUrl, readConfig } from '../../server/config.ts'

const cwd = '/srv/roundtable'

describe('readConfig', () => {
  it('uses the documented defaults', () => {
    expect(readConfig({}, cwd)).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/srv/roundtable/data',
      clientDir: DEFAULT_CLIENT_DIR,
      secret: undefined,
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
      },
      cwd,
    )
    expect(config).toEqual({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/srv/roundtable/var/rt',
      clientDir: '/opt/client',
      secret: 'a-long-enough-secret',
    })
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
})

describe('baseUrl', () => {
  it('brackets IPv6 hosts', () => {
    expect(baseUrl('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080')
    expect(baseUrl('::1', 8080)).toBe('http://[::1]:8080')
  })
})
