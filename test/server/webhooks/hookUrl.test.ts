import { describe, expect, it } from 'vitest'
import { checkHookUrl, isPrivateAddress } from '../../../server/webhooks/hookUrl.ts'

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1', '127.255.0.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254',
    '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '198.18.0.1',
  ])('IPv4 %s is not public', (ip) => expect(isPrivateAddress(ip)).toBe(true))

  it.each(['::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:8.8.8.8', 'fec0::1'])(
    'IPv6 %s is not public',
    (ip) => expect(isPrivateAddress(ip)).toBe(true),
  )

  it.each(['8.8.8.8', '172.32.0.1', '172.15.255.255', '192.169.0.1', '100.128.0.1', '2606:4700::1111', '2001:4860:4860::8888'])(
    '%s is public',
    (ip) => expect(isPrivateAddress(ip)).toBe(false),
  )

  it('anything that is not an IP address is not public either', () => expect(isPrivateAddress('example.com')).toBe(true))
})

describe('checkHookUrl', () => {
  const resolve = async (host: string) => (host === 'hooks.example.com' ? ['93.184.216.34'] : host === 'inside.example.com' ? ['93.184.216.34', '10.0.0.7'] : [])
  const check = (url: string, allowPrivate = false) => checkHookUrl(url, { allowPrivate, resolve })

  it('accepts a public http(s) URL', async () => {
    const result = await check('https://hooks.example.com/services/T0/B0')
    expect(result.ok && result.url.href).toBe('https://hooks.example.com/services/T0/B0')
  })

  it('refuses what is not an http(s) URL', async () => {
    for (const url of ['ftp://hooks.example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', `https://hooks.example.com/${'x'.repeat(2_000)}`]) {
      expect(await check(url)).toMatchObject({ ok: false, code: 'bad_url' })
    }
  })

  it('refuses loopback, private and link-local hosts, literal or resolved, IPv4 and IPv6', async () => {
    for (const url of ['http://127.0.0.1:8080/', 'http://[::1]/', 'http://[fe80::1]/', 'http://169.254.169.254/latest', 'http://0x7f.1/', 'http://2130706433/', 'http://[::ffff:127.0.0.1]/', 'https://inside.example.com/hook']) {
      expect(await check(url), url).toMatchObject({ ok: false, code: 'private_url' })
    }
    expect((await check('https://inside.example.com/hook')).ok === false && (await check('https://inside.example.com/hook'))).toMatchObject({ message: expect.stringContaining('10.0.0.7') })
  })

  it('refuses a host that does not resolve', async () => {
    expect(await check('https://nowhere.example.com/')).toMatchObject({ ok: false })
  })

  it('allows private addresses when the server says so (WEBHOOKS_ALLOW_PRIVATE)', async () => {
    expect((await check('http://127.0.0.1:9/hook', true)).ok).toBe(true)
    expect(await check('ftp://127.0.0.1/', true)).toMatchObject({ ok: false, code: 'bad_url' })
  })
})
