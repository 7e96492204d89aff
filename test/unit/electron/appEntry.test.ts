import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { electronModule, fakeEvent, FakeBrowserWindow } from './fakeElectron.js'
import { WAIT_TIMEOUT } from '../../support/waitTimeout.js'

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule)

const { app } = electronModule
let root: string
const savedEnv = process.env.DAM_LIBRARY
/** Opening and closing a library creates and fsyncs its files: vi.waitFor's own second is not enough on a busy disk. */
const waiting = { timeout: WAIT_TIMEOUT }

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-instance-'))
  app.getPath.mockReturnValue(path.join(root, 'userData'))
  delete process.env.DAM_LIBRARY
  await import('../../../main/electron/index.js')
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), waiting)
})
afterAll(async () => {
  // Quitting waits for every library to be closed, then quits for real.
  app.emit('before-quit', fakeEvent())
  await vi.waitFor(() => expect(app.quit).toHaveBeenCalled(), waiting)
  if (savedEnv !== undefined) process.env.DAM_LIBRARY = savedEnv
  fs.rmSync(root, { recursive: true, force: true })
})

describe('the app entry', () => {
  it("takes the single-instance lock and opens 'library' in the user-data folder", () => {
    expect(app.requestSingleInstanceLock).toHaveBeenCalledWith({ libraryDir: null })
    expect(fs.existsSync(path.join(root, 'userData', 'library', 'library.json'))).toBe(true)
  })

  it('opens the library a second launch names, in a window of its own', async () => {
    const other = path.join(root, 'other')
    app.emit('second-instance', {}, ['trove', '--library', other], root, { libraryDir: other })
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(2), waiting)
    expect(fs.existsSync(path.join(other, 'library.json'))).toBe(true)
    // Named again, relative to the second launch's folder: the same window comes forward.
    app.emit('second-instance', {}, ['trove', '--library', 'other'], root, null)
    await vi.waitFor(() => expect(FakeBrowserWindow.instances[1].focusCount).toBe(1), waiting)
    expect(FakeBrowserWindow.instances).toHaveLength(2)
  })

  it('focuses an open window when a second launch names no library', () => {
    const last = FakeBrowserWindow.instances[1]
    const before = last.focusCount
    app.emit('second-instance', {}, ['trove'], root, { libraryDir: null })
    expect(last.focusCount).toBe(before + 1)
    expect(FakeBrowserWindow.instances).toHaveLength(2)
  })
})
