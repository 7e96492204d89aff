import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../main/core/index.js'
import { lockHolder } from '../../../main/core/store/lock.js'
import { ADMIN, expectRefused } from '../../support/tempLibrary.js'
import { removeFolders, tempFolder } from './fixtures/libraryFolders.js'

afterEach(removeFolders)

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await new Promise((resolve) => child.once('exit', resolve))
  return child.pid!
}

function writeLock(dir: string, pid: number): void {
  fs.writeFileSync(path.join(dir, 'library.lock'), JSON.stringify({ pid, host: os.hostname(), at: new Date().toISOString() }))
}

async function closedLibrary(): Promise<string> {
  const dir = tempFolder()
  await (await openLibrary(dir, { admin: ADMIN })).close()
  return dir
}

describe('the library lock', () => {
  it('refuses a second open while the first is open, and allows it after close', async () => {
    const dir = tempFolder()
    const first = await openLibrary(dir, { admin: ADMIN })
    const [home] = await first.as(ADMIN.email).call('assets.roots')
    try {
      const error = await expectRefused(openLibrary(dir), 'LIBRARY_LOCKED')
      expect(error.message).toContain(dir)
      expect(error.message).toContain(`pid ${process.pid}`)
      expect(error.details).toMatchObject({ dir, pid: process.pid })
      // The refused open took nothing away: the first one still works.
      await first.as(ADMIN.email).call('folders.create', { parentId: home.id, name: 'Still mine' })
    } finally {
      await first.close()
    }
    expect(fs.existsSync(path.join(dir, 'library.lock'))).toBe(false)
    const second = await openLibrary(dir)
    try {
      expect((await second.as(ADMIN.email).call('assets.list', { folderId: home.id })).map((a) => a.name)).toEqual(['Still mine'])
    } finally {
      await second.close()
    }
  })

  it('refuses a lock held by another live process on this machine', async () => {
    const dir = await closedLibrary()
    writeLock(dir, process.ppid)
    const error = await expectRefused(openLibrary(dir), 'LIBRARY_LOCKED')
    expect(error.details).toMatchObject({ pid: process.ppid })
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'library.lock'), 'utf8')).pid, 'the lock of a live holder is left alone').toBe(process.ppid)
  })

  it('takes over a lock left by a process that died', async () => {
    const dir = await closedLibrary()
    const pid = await deadPid()
    writeLock(dir, pid)
    const library = await openLibrary(dir)
    try {
      expect(lockHolder(dir)?.pid).toBe(process.pid)
    } finally {
      await library.close()
    }
  })
})

/** A contender process from fixtures/lockContender.ts, with its answers as they come. */
function contender(): { child: ChildProcessWithoutNullStreams; next: () => Promise<string> } {
  const script = fileURLToPath(new URL('./fixtures/lockContender.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'pipe' })
  const lines: string[] = []
  const waiting: ((line: string) => void)[] = []
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const resolve = waiting.shift()
    if (resolve) resolve(line)
    else lines.push(line)
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const next = () =>
    lines.length > 0
      ? Promise.resolve(lines.shift()!)
      : new Promise<string>((resolve, reject) => {
          waiting.push(resolve)
          child.once('exit', () => reject(new Error(`a contender exited: ${stderr}`)))
        })
  return { child, next }
}

describe('a stale lock raced for by several processes', () => {
  it('is taken by one of them at a time, round after round', async () => {
    const contenders = Array.from({ length: 3 }, contender)
    try {
      for (const c of contenders) expect(await c.next()).toBe('ready')
      const dead = await deadPid()
      const answers: string[] = []
      for (let round = 0; round < 100; round++) {
        const dir = tempFolder('trove-lock-')
        writeLock(dir, dead)
        for (const c of contenders) c.child.stdin.write(`${round} ${dir}\n`)
        const replies = await Promise.all(contenders.map((c) => c.next()))
        answers.push(...replies.map((r) => r.split(' ').slice(1).join(' ')))
        expect(replies.filter((r) => r.endsWith(' got')).length, `round ${round}: someone took the stale lock`).toBeGreaterThan(0)
        expect(fs.existsSync(path.join(dir, 'library.lock')), 'every holder released').toBe(false)
      }
      expect(answers.filter((a) => a !== 'got' && a !== 'locked')).toEqual([])
    } finally {
      for (const c of contenders) c.child.kill()
    }
  }, 120_000)
})
