import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

/**
 * A private PostgreSQL server for tests: its own data folder in a temp folder, its own free
 * port on 127.0.0.1, fsync on (as a user would run it), stopped and removed after. Debian's
 * binaries are used where they are (/usr/lib/postgresql/<version>/bin); as root they run as
 * the `postgres` user, since initdb refuses root.
 */
export interface PostgresServer {
  port: number
  /** A connection URL for database `name` on this server. */
  url(name: string): string
  /** A new, empty database; returns its URL. */
  createDatabase(): Promise<string>
  stop(): Promise<void>
}

/** The newest Debian PostgreSQL bin folder with initdb, or null. */
export function postgresBinaries(): string | null {
  const root = '/usr/lib/postgresql'
  if (!fs.existsSync(root)) return null
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')) && fs.existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a))
  return versions.length ? path.join(root, versions[0], 'bin') : null
}

/** Why PostgreSQL tests are skipped here, or null when they can run. */
export function postgresMissing(): string | null {
  if (postgresBinaries()) return null
  return 'PostgreSQL binaries not found in /usr/lib/postgresql/*/bin (install the Debian package "postgresql")'
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0

function run(bin: string, args: string[]): void {
  const command = asRoot ? 'runuser' : bin
  const all = asRoot ? ['-u', 'postgres', '--', bin, ...args] : args
  execFileSync(command, all, { stdio: ['ignore', 'pipe', 'pipe'] })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

let databases = 0

/** A new, empty database on the server of `adminUrl` (a URL of its `postgres` database); returns its URL. */
export async function createDatabase(adminUrl: string): Promise<string> {
  const name = `trove_${process.pid}_${++databases}_${Math.random().toString(36).slice(2, 8)}`
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinaries()
  if (!bin) throw new Error(postgresMissing()!)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-pg-'))
  const data = path.join(dir, 'data')
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir])
  // initdb's own files need no fsync (a crash during setup only fails this run); the server's fsync stays on.
  run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'])
  let port = 0
  for (let attempt = 1; ; attempt++) {
    port = await freePort()
    try {
      const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=on -c max_connections=200`
      run(path.join(bin, 'pg_ctl'), ['start', '-w', '-t', '120', '-D', data, '-l', path.join(dir, 'server.log'), '-o', options])
      break
    } catch (error) {
      // Someone else took the port between our check and the server's bind.
      if (attempt >= 3) {
        const log = fs.existsSync(path.join(dir, 'server.log')) ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8') : ''
        throw new Error(`PostgreSQL did not start: ${String(error)}\n${log}`)
      }
    }
  }
  const url = (name: string) => `postgresql://postgres@127.0.0.1:${port}/${name}`
  let stopped = false
  return {
    port,
    url,
    createDatabase: () => createDatabase(url('postgres')),
    async stop() {
      if (stopped) return
      stopped = true
      try {
        run(path.join(bin, 'pg_ctl'), ['stop', '-w', '-m', 'fast', '-D', data])
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
