import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Events } from '../../../shared/contract/index.js'
import { postgresMissing, startPostgres, type PostgresServer } from '../../support/postgres.js'
import { pngBase64 } from '../../support/tempLibrary.js'
import { ADMIN } from './fixtures/openServer.js'
import { eventually, expectConsistent, tempDir } from './teamSupport.js'

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'teamProcess.ts')
const missing = postgresMissing()

/** A server of the team library in a child process of its own, driven over stdin and stdout. */
class ServerProcess {
  readonly events: { as: string; event: Events['library.changed'] }[] = []
  readonly acked: string[] = []
  private readonly replies = new Map<number, (reply: { ok: boolean; result?: unknown; error?: { code: string; message: string } }) => void>()
  private next = 0
  readonly ready: Promise<void>
  readonly exited: Promise<void>

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()))
    this.ready = new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`The server process exited (${code}) before it was ready: ${stderr}`)))
      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        const message = JSON.parse(line) as Record<string, unknown>
        if (message.ready) resolve()
        else if (message.event) this.events.push(message as never)
        else if (typeof message.acked === 'string') this.acked.push(message.acked)
        else this.replies.get(message.id as number)?.(message as never)
      })
    })
  }

  static async start(url: string, dir: string): Promise<ServerProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, url, dir], { stdio: ['pipe', 'pipe', 'pipe'] })
    const server = new ServerProcess(child)
    await server.ready
    return server
  }

  private send<T>(command: object): Promise<T> {
    const id = ++this.next
    return new Promise((resolve, reject) => {
      this.replies.set(id, (reply) => (reply.ok ? resolve(reply.result as T) : reject(Object.assign(new Error(reply.error!.message), reply.error))))
      this.child.stdin.write(`${JSON.stringify({ id, ...command })}\n`)
    })
  }

  call<T = { id: string }>(channel: string, input?: unknown, as = ADMIN.email): Promise<T> {
    return this.send({ op: 'call', as, channel, input })
  }

  subscribe(as: string): Promise<void> {
    return this.send({ op: 'subscribe', as })
  }

  seq(): Promise<number> {
    return this.send({ op: 'seq' })
  }

  churn(parentId: string): Promise<void> {
    return this.send({ op: 'churn', as: ADMIN.email, parentId })
  }

  kill(): Promise<void> {
    this.child.kill('SIGKILL')
    return this.exited
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return
    await this.send({ op: 'close' }).catch(() => undefined)
    await this.exited
  }
}

describe.skipIf(missing)(`servers of one team library in separate processes${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let server: PostgresServer
  let dir: string
  const started: ServerProcess[] = []
  const start = async (url: string) => {
    const p = await ServerProcess.start(url, dir)
    started.push(p)
    return p
  }
  beforeAll(async () => {
    server = await startPostgres()
    dir = tempDir()
  }, 120_000)
  afterEach(async () => {
    await Promise.all(started.splice(0).map((p) => p.close()))
  }, 60_000)
  afterAll(async () => {
    await server?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('lists on one what the other committed, and tells a restricted session only of what she can view', async () => {
    const url = await server.createDatabase()
    const [a, b] = await Promise.all([start(url), start(url)])
    const [home] = await a.call<{ id: string }[]>('assets.roots')
    const uma = await a.call('users.create', { name: 'Uma', email: 'uma@example.com', role: 'restricted' })
    const secret = await a.call('folders.create', { parentId: home.id, name: 'Secret' })
    const open = await a.call('folders.create', { parentId: home.id, name: 'Open' })
    await a.call('sharing.set', { resourceId: open.id, subjectId: uma.id, level: 'view' })
    await eventually(async () => (await b.seq()) === (await a.seq()), 'the second process to follow')
    await b.subscribe(uma.id)
    const hidden = await a.call('files.upload', { folderId: secret.id, name: 'plans.png', base64: pngBase64() })
    await a.call('assets.rename', { id: hidden.id, name: 'merger-plans.png' })
    const seen = await a.call('files.upload', { folderId: open.id, name: 'poster.png', base64: pngBase64() })
    const listed = await eventually(async () => {
      const items = await b.call<{ id: string }[]>('assets.list', { folderId: open.id }, uma.id)
      return items.length === 1 && items
    }, 'the upload listed on the other process')
    expect(listed[0].id).toBe(seen.id)
    // Events come in commit order: once the poster is heard of, the changes before it were judged.
    await eventually(() => b.events.some((e) => e.event.assetIds.includes(seen.id)), 'the event of the visible upload')
    const heard = JSON.stringify(b.events)
    expect(heard).not.toContain(hidden.id)
    expect(heard).not.toContain(secret.id)
    expect(heard).not.toContain('assets.rename')
    await expectConsistent(url)
  }, 120_000)

  it('lets two processes creating one name at once never both succeed', async () => {
    const url = await server.createDatabase()
    const [a, b] = await Promise.all([start(url), start(url)])
    const [home] = await a.call<{ id: string }[]>('assets.roots')
    await eventually(async () => (await b.seq()) === (await a.seq()), 'the second process to follow')
    for (let round = 0; round < 8; round++) {
      const results = await Promise.allSettled([a, b].map((p) => p.call('folders.create', { parentId: home.id, name: `Same ${round}` })))
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    }
    const db = await expectConsistent(url)
    const names = (db.assets as { name: string; parentId: string }[]).filter((x) => x.parentId === home.id).map((x) => x.name)
    expect(names.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `Same ${i}`).sort())
  }, 120_000)

  it('survives a process killed in the middle of its commits: the database stays whole and the others carry on', async () => {
    const url = await server.createDatabase()
    const [a, b] = await Promise.all([start(url), start(url)])
    const [home] = await a.call<{ id: string }[]>('assets.roots')
    const place = await a.call('folders.create', { parentId: home.id, name: 'Churn' })
    await eventually(async () => (await b.seq()) === (await a.seq()), 'the second process to follow')
    await Promise.all([a.churn(place.id), b.churn(place.id)])
    // Killed once it has had many commits acknowledged, so that one is always on its way.
    await eventually(() => a.acked.length >= 30, 'commits of the doomed process', 60_000)
    await a.kill()
    const ackedByA = [...a.acked]
    const bBefore = b.acked.length
    await eventually(() => b.acked.length >= bBefore + 20, 'the other process to keep committing', 60_000)
    const db = await expectConsistent(url)
    const stored = new Set((db.assets as { id: string }[]).map((x) => x.id))
    // Every change acknowledged to the killed process is there; the other's too.
    for (const id of ackedByA) expect(stored.has(id), id).toBe(true)
    for (const id of b.acked.slice(0, bBefore + 20)) expect(stored.has(id), id).toBe(true)
    // A process started now loads the same state the survivor follows.
    const c = await start(url)
    await b.close()
    const seq = Number(await expectConsistent(url).then(() => c.seq()))
    await eventually(async () => (await c.seq()) >= seq, 'the new process')
    const list = await c.call<{ id: string }[]>('assets.list', { folderId: place.id })
    const final = await expectConsistent(url)
    expect(list.map((x) => x.id).sort()).toEqual((final.assets as { id: string; parentId: string }[]).filter((x) => x.parentId === place.id).map((x) => x.id).sort())
  }, 240_000)
})
