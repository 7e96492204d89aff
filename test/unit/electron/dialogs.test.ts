import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Session } from '../../../main/core/context.js'
import { expectRefused, pngBytes, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { electronModule } from './fakeElectron.js'

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule)

const { nativeDialogHandlers } = await import('../../../main/electron/dialogs.js')
const { PathGrants } = await import('../../../main/electron/pathGrants.js')
const { dialog, shell } = electronModule

let t: TempLibrary
let disk: string
let grants: InstanceType<typeof PathGrants>
let session: Session
const window = { id: 'the window' }

beforeEach(async () => {
  disk = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-disk-'))
  grants = new PathGrants()
  // The session is only known once the library is open; the handlers look its window up then.
  let windowSession: Session | null = null
  t = await tempLibrary({ overrides: nativeDialogHandlers((s) => (s === windowSession ? { window: window as never, grants } : undefined)) })
  session = t.library.session(t.library.firstAdminId, (p, purpose) => grants.allows(p, purpose))
  windowSession = session
})
afterEach(async () => {
  await t.close()
  fs.rmSync(disk, { recursive: true, force: true })
  vi.clearAllMocks()
})

const call = (channel: string, input?: unknown) => t.library.dispatch(session, channel, input)

describe('native dialogs', () => {
  it('answer openFiles for the calling window, and only the files picked may then be read', async () => {
    const picked = path.join(disk, 'picked.png')
    const other = path.join(disk, 'other.png')
    fs.writeFileSync(picked, pngBytes())
    fs.writeFileSync(other, pngBytes())
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [picked] })
    expect(await call('dialogs.openFiles', { multiple: true })).toEqual({ available: true, paths: [picked] })
    expect(dialog.showOpenDialog.mock.calls[0][0]).toBe(window)
    expect(dialog.showOpenDialog.mock.calls[0][1]).toMatchObject({ properties: ['openFile', 'multiSelections'] })
    expect(session.mayUsePath(picked, 'read')).toBe(true)
    expect(session.mayUsePath(picked, 'write')).toBe(false)
    expect(session.mayUsePath(other, 'read')).toBe(false)
    await call('files.upload', { folderId: t.homeId, name: 'picked.png', sourcePath: picked })
    await expectRefused(call('files.upload', { folderId: t.homeId, name: 'other.png', sourcePath: other }), 'FORBIDDEN')
  })

  it('let a picked folder be read inside, and nothing beside it', async () => {
    const folder = path.join(disk, 'shoot')
    fs.mkdirSync(folder)
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] })
    expect(await call('dialogs.openFolder')).toEqual({ available: true, paths: [folder] })
    expect(session.mayUsePath(folder, 'read')).toBe(true)
    expect(session.mayUsePath(path.join(folder, 'day 1', 'a.jpg'), 'read')).toBe(true)
    expect(session.mayUsePath(path.join(folder, 'a.jpg'), 'write')).toBe(false)
    expect(session.mayUsePath(`${folder}-private/a.jpg`, 'read')).toBe(false)
    expect(session.mayUsePath(path.join(folder, '..', 'secret.txt'), 'read')).toBe(false)
    expect(session.mayUsePath(disk, 'read')).toBe(false)
  })

  it('let the save target be written, and nothing else', async () => {
    const target = path.join(disk, 'logo copy.png')
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    expect(await call('dialogs.saveFile', { defaultName: 'logo.png' })).toEqual({ available: true, path: target })
    expect(dialog.showSaveDialog.mock.calls[0][0]).toBe(window)
    expect(session.mayUsePath(target, 'write')).toBe(true)
    expect(session.mayUsePath(target, 'read')).toBe(false)
    expect(session.mayUsePath(path.join(disk, 'other.png'), 'write')).toBe(false)
  })

  it('grant nothing when cancelled', async () => {
    expect(await call('dialogs.openFiles')).toEqual({ available: true, paths: [] })
    expect(await call('dialogs.saveFile', { defaultName: 'x.zip' })).toEqual({ available: true, path: null })
    expect(session.mayUsePath(disk, 'read')).toBe(false)
  })

  it("show a finished download's zip in the file manager: only the caller's own, and only while it is there", async () => {
    const target = path.join(disk, 'Home.zip')
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    await call('dialogs.saveFile', { defaultName: 'Home.zip' })
    const download = (await call('downloads.zip', { assetIds: [t.homeId], destPath: target })) as { id: string }
    expect(await call('dialogs.showDownload', { downloadId: download.id })).toEqual({ available: true })
    expect(shell.showItemInFolder).toHaveBeenCalledWith(target)

    const bob = await t.admin.call('users.create', { name: 'Bob', email: 'bob@example.com', role: 'admin' })
    session.userId = bob.id
    await expectRefused(call('dialogs.showDownload', { downloadId: download.id }), 'NOT_FOUND')
    session.userId = t.library.firstAdminId
    fs.rmSync(target)
    const gone = await expectRefused(call('dialogs.showDownload', { downloadId: download.id }), 'NOT_FOUND')
    expect(gone.message).toBe(`Home.zip is no longer at ${target}.`)
    expect(shell.showItemInFolder).toHaveBeenCalledTimes(1)
  })

  it('are unavailable to a session with no window (a script, another transport)', async () => {
    const stranger = t.library.session(t.library.firstAdminId)
    expect(await t.library.dispatch(stranger, 'dialogs.openFiles', undefined)).toEqual({ available: false, paths: [] })
    expect(dialog.showOpenDialog).not.toHaveBeenCalled()
  })
})

describe('PathGrants', () => {
  it('refuses relative paths and anything never granted', () => {
    const g = new PathGrants()
    expect(g.allows('/etc/passwd', 'read')).toBe(false)
    g.allowFiles(['/data/a.png'], 'read')
    expect(g.allows('/data/a.png', 'read')).toBe(true)
    expect(g.allows('/data/./a.png', 'read')).toBe(true)
    expect(g.allows('a.png', 'read')).toBe(false)
    expect(g.allows('../data/a.png', 'read')).toBe(false)
  })
})
