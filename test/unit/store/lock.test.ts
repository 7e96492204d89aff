import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../main/core/index.js'
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
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'library.lock'), 'utf8')).pid).toBe(process.pid)
    } finally {
      await library.close()
    }
  })
})
