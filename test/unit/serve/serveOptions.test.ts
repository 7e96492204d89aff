import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { UsageError, parseServeArgs, type ServeConfig } from '../../../main/server/serveOptions.js'
import { selfSignedCert } from '../../support/selfSigned.js'

const tls = selfSignedCert()
afterAll(() => fs.rmSync(tls.dir, { recursive: true, force: true }))
const BASE = ['--database', 'postgresql://trove@db.example.com/trove', '--blobs', 's3://team-blobs/library-a']

function refused(args: string[], env: NodeJS.ProcessEnv = {}): string {
  try {
    parseServeArgs(args, env)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error(`accepted ${args.join(' ')}`)
}

describe('npm run serve: its options', () => {
  it('takes a database, a blob store and defaults to loopback port 8080 over HTTP', () => {
    const config = parseServeArgs(BASE, {}) as ServeConfig
    expect(config).toMatchObject({ databaseUrl: BASE[1], blobs: { kind: 's3', bucket: 'team-blobs', prefix: 'library-a/' }, host: '127.0.0.1', port: 8080, idleMs: 30 * 60_000 })
    expect(config.tls).toBeUndefined()
    expect(config.admin).toBeUndefined()
  })

  it('serves HTTPS beyond loopback with a certificate, key and public address, and reads the first admin from the environment', () => {
    const config = parseServeArgs(
      [...BASE, '--host', '0.0.0.0', '--port', '8443', '--tls-cert', tls.certFile, '--tls-key', tls.keyFile, '--public-url', 'https://trove.example.com', '--idle-minutes', '15'],
      { TROVE_ADMIN_EMAIL: 'boss@example.com', TROVE_ADMIN_PASSWORD: 'correct horse battery' },
    ) as ServeConfig
    expect(config.tls?.cert.equals(tls.cert)).toBe(true)
    expect(config.publicUrl?.origin).toBe('https://trove.example.com')
    expect(config.idleMs).toBe(15 * 60_000)
    expect(config.admin).toEqual({ email: 'boss@example.com', password: 'correct horse battery' })
  })

  it.each([
    [[], /--database is required/],
    [['--database', 'mysql://db/trove', '--blobs', '/srv/blobs'], /postgresql:\/\/ URL/],
    [['--database', 'postgresql://db/trove'], /--blobs is required/],
    [['--database', 'postgresql://db/trove', '--blobs', 'ftp://files/blobs'], /s3:\/\/bucket/],
    [['--database', 'postgresql://db/trove', '--blobs', 's3://Bad_Bucket'], /not a valid S3 bucket name/],
    [[...BASE, '--port', 'eighty'], /--port must be a whole number/],
    [[...BASE, '--port', '70000'], /--port must be a whole number/],
    [[...BASE, '--idle-minutes', '0'], /--idle-minutes must be a whole number/],
    [[...BASE, '--tls-cert', tls.certFile], /go together/],
    [[...BASE, '--tls-cert', '/no/such/cert.pem', '--tls-key', tls.keyFile], /--tls-cert \/no\/such\/cert.pem: cannot read it \(ENOENT\)/],
    [[...BASE, '--tls-cert', tls.keyFile, '--tls-key', tls.keyFile], /do not make a usable pair/],
    [[...BASE, '--host', '0.0.0.0', '--public-url', 'https://trove.example.com'], /give --tls-cert and --tls-key, or --insecure-http/],
    [[...BASE, '--host', '0.0.0.0', '--insecure-http'], /needs --public-url/],
    [[...BASE, '--host', '0.0.0.0', '--insecure-http', '--public-url', 'https://trove.example.com/app'], /no path/],
    [[...BASE, '--host', '0.0.0.0', '--tls-cert', tls.certFile, '--tls-key', tls.keyFile, '--public-url', 'http://trove.example.com'], /plain http/],
    [[...BASE, '--tls-cert', tls.certFile, '--tls-key', tls.keyFile, '--insecure-http'], /contradict/],
    [[...BASE, '--frobnicate'], /Unknown option '--frobnicate'/],
  ])('refuses %j with a message that says what to do', (args, message) => {
    expect(refused(args)).toMatch(message)
  })

  it.each([
    [{ TROVE_ADMIN_EMAIL: 'boss@example.com' }, /go together/],
    [{ TROVE_ADMIN_PASSWORD: 'correct horse battery' }, /go together/],
    [{ TROVE_ADMIN_EMAIL: 'not an email', TROVE_ADMIN_PASSWORD: 'correct horse battery' }, /not an email address/],
  ])('refuses a half-given or malformed first admin %j', (env, message) => {
    expect(refused(BASE, env)).toMatch(message)
  })

  it('exits with the usage on a bad flag before opening or creating anything', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-serve-cli-'))
    try {
      const blobs = path.join(root, 'blobs')
      const cache = path.join(root, 'cache')
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'main/server/serveCli.ts', '--database', 'postgresql://127.0.0.1:1/none', '--blobs', blobs, '--cache', cache, '--host', '0.0.0.0'], {
        encoding: 'utf8',
        env: { ...process.env, TROVE_ADMIN_EMAIL: '', TROVE_ADMIN_PASSWORD: '' },
      })
      expect(run.status).toBe(2)
      expect(run.stderr).toMatch(/reaches beyond this machine/)
      expect(run.stderr).toMatch(/Usage: npm run serve/)
      expect(fs.readdirSync(root)).toEqual([])
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  }, 60_000)
})
