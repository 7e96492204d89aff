import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import tls from 'node:tls'
import { createHash } from 'node:crypto'
import { parseArgs } from 'node:util'
import { parseBlobLocation, type BlobLocation } from '../core/blobs/openBlobStore.js'
import { emailSchema, passwordSchema } from '../../shared/contract/common.js'

export const SERVE_USAGE = `Usage: npm run serve -- --database URL --blobs DIR|s3://bucket[/prefix] [options]

  --database URL        the team library's PostgreSQL database (postgresql://user@host/db)
  --blobs DIR|s3://...  where file contents live: a folder every server can reach, or an S3 bucket
                        (endpoint and credentials from the AWS environment: AWS_ENDPOINT_URL_S3,
                        AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)
  --port N              the port to listen on (default 8080)
  --host H              the address to listen on (default 127.0.0.1)
  --public-url URL      the address browsers use (https://trove.example.com); needed beyond loopback
  --tls-cert FILE       PEM certificate: serve HTTPS (with --tls-key)
  --tls-key FILE        PEM private key of the certificate
  --insecure-http       allow plain HTTP beyond loopback (only behind a proxy that ends TLS)
  --idle-minutes N      a browser session unused this long ends (default 30)
  --cache DIR           this machine's copies of renditions and remote blobs (default: a temp folder)
  --rebuild             build the renderer even if it looks up to date

An empty database gets its schema and a first administrator from TROVE_ADMIN_EMAIL and
TROVE_ADMIN_PASSWORD; the server refuses to start on an empty database without them.`

export interface ServeConfig {
  databaseUrl: string
  blobs: BlobLocation
  port: number
  host: string
  publicUrl?: URL
  tls?: { cert: Buffer; key: Buffer }
  idleMs: number
  cacheDir: string
  rebuild: boolean
  admin?: { email: string; password: string }
}

/** A mistake in the command line or environment: printed with the usage, and nothing is opened. */
export class UsageError extends Error {}

/** Loopback names: nothing else on the network reaches a server listening there. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

function positiveInteger(text: string, flag: string, max: number): number {
  const n = Number(text)
  if (!/^\d+$/.test(text) || !Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${flag} must be a whole number from 1 to ${max}, not ${JSON.stringify(text)}.`)
  return n
}

function readPem(file: string, flag: string): Buffer {
  try {
    return fs.readFileSync(file)
  } catch (error) {
    throw new UsageError(`${flag} ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`)
  }
}

/**
 * Reads and checks every flag and the admin variables before anything is opened or created,
 * so that a mistake changes nothing (docs/team.md).
 */
export function parseServeArgs(args: string[], env: NodeJS.ProcessEnv = process.env): ServeConfig | 'help' {
  let values
  try {
    ;({ values } = parseArgs({
      args,
      options: {
        database: { type: 'string' },
        blobs: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'public-url': { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'insecure-http': { type: 'boolean' },
        'idle-minutes': { type: 'string' },
        cache: { type: 'string' },
        rebuild: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (values.help) return 'help'
  if (!values.database) throw new UsageError('--database is required: the PostgreSQL URL of the team library.')
  if (!/^postgres(ql)?:\/\/./.test(values.database)) throw new UsageError(`--database takes a postgresql:// URL, not ${JSON.stringify(values.database)}.`)
  if (!values.blobs) throw new UsageError('--blobs is required: a folder every server can reach, or s3://bucket.')
  let blobs: BlobLocation
  try {
    blobs = parseBlobLocation(values.blobs)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (blobs.kind === 'folder' && fs.existsSync(blobs.folder) && !fs.statSync(blobs.folder).isDirectory()) throw new UsageError(`--blobs ${blobs.folder} is not a folder.`)
  const port = values.port === undefined ? 8080 : positiveInteger(values.port, '--port', 65535)
  const host = values.host ?? '127.0.0.1'
  if (host.trim() === '' || /[\s/]/.test(host)) throw new UsageError(`--host takes an address to listen on, not ${JSON.stringify(host)}.`)
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) throw new UsageError('--tls-cert and --tls-key go together: give both, or neither.')
  let tlsFiles: ServeConfig['tls']
  if (values['tls-cert'] !== undefined && values['tls-key'] !== undefined) {
    tlsFiles = { cert: readPem(values['tls-cert'], '--tls-cert'), key: readPem(values['tls-key'], '--tls-key') }
    try {
      tls.createSecureContext(tlsFiles)
    } catch (error) {
      throw new UsageError(`--tls-cert and --tls-key do not make a usable pair: ${(error as Error).message}.`)
    }
  }
  if (tlsFiles && values['insecure-http']) throw new UsageError('--insecure-http and --tls-cert contradict each other: choose one.')
  const wide = !isLoopback(host)
  if (wide && !tlsFiles && !values['insecure-http']) {
    throw new UsageError(`Listening on ${host} reaches beyond this machine: give --tls-cert and --tls-key, or --insecure-http if a proxy in front ends TLS.`)
  }
  let publicUrl: URL | undefined
  if (values['public-url'] !== undefined) {
    try {
      publicUrl = new URL(values['public-url'])
    } catch {
      throw new UsageError(`--public-url must be a URL such as https://trove.example.com, not ${JSON.stringify(values['public-url'])}.`)
    }
    if (publicUrl.protocol !== 'https:' && publicUrl.protocol !== 'http:') throw new UsageError('--public-url must start with https:// (or http://).')
    if (publicUrl.pathname !== '/' || publicUrl.search || publicUrl.hash || publicUrl.username) throw new UsageError('--public-url names a host (and port) only, with no path, query or user.')
    if (publicUrl.protocol === 'http:' && !values['insecure-http'] && !isLoopback(publicUrl.hostname)) {
      throw new UsageError('--public-url is plain http: browsers would send passwords and cookies in the clear. Use https://, or --insecure-http to allow it.')
    }
  } else if (wide) {
    throw new UsageError(`Listening on ${host} needs --public-url: the address browsers use, so that requests naming any other host are refused.`)
  }
  const idleMs = (values['idle-minutes'] === undefined ? 30 : positiveInteger(values['idle-minutes'], '--idle-minutes', 7 * 24 * 60)) * 60_000
  const admin = adminFromEnv(env)
  const cacheDir = path.resolve(values.cache ?? path.join(os.tmpdir(), `trove-serve-${createHash('sha256').update(values.database).digest('hex').slice(0, 12)}`))
  return { databaseUrl: values.database, blobs, port, host, publicUrl, tls: tlsFiles, idleMs, cacheDir, rebuild: values.rebuild ?? false, admin }
}

/** Both or neither: an email without a password (or the other way round) is a mistake worth stopping for. */
function adminFromEnv(env: NodeJS.ProcessEnv): ServeConfig['admin'] {
  const email = env.TROVE_ADMIN_EMAIL
  const password = env.TROVE_ADMIN_PASSWORD
  if (email === undefined && password === undefined) return undefined
  if (!email || !password) throw new UsageError('TROVE_ADMIN_EMAIL and TROVE_ADMIN_PASSWORD go together: set both, or neither.')
  if (!emailSchema.safeParse(email).success) throw new UsageError(`TROVE_ADMIN_EMAIL is not an email address: ${JSON.stringify(email)}.`)
  const checked = passwordSchema.safeParse(password)
  if (!checked.success) throw new UsageError(`TROVE_ADMIN_PASSWORD is not accepted: ${checked.error.issues[0]?.message ?? 'invalid'}.`)
  return { email, password }
}
