import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { listBackups, openLibrary } from '../../../main/core/index.js'
import { ADMIN } from '../../support/tempLibrary.js'
import { libraryWithBackups, removeFolders, tempFolder } from '../store/fixtures/libraryFolders.js'
import { electronModule } from './fakeElectron.js'

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule)

const { openWithRecovery } = await import('../../../main/electron/openRecovery.js')
const { recoveryDialogs } = await import('../../../main/electron/recoveryDialogs.js')
const { showMessageBox } = electronModule.dialog

afterEach(() => {
  removeFolders()
  showMessageBox.mockReset()
  showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false })
})


function damage(dir: string): Buffer {
  const file = path.join(dir, 'library.json')
  fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 100))
  return fs.readFileSync(file)
}

const detailOf = (call: number) => (showMessageBox.mock.calls[call][0] as { detail: string }).detail
const buttonsOf = (call: number) => (showMessageBox.mock.calls[call][0] as { buttons: string[] }).buttons

describe('opening a damaged library', () => {
  it('states the path and position, and restores the newest backup when asked', async () => {
    const dir = await libraryWithBackups('trove-recovery-')
    damage(dir)
    const newest = listBackups(dir)[0]
    const library = await openWithRecovery(dir, (d) => openLibrary(d), recoveryDialogs(() => 'Quit'))
    expect(library).not.toBeNull()
    try {
      expect(detailOf(0)).toContain(path.join(dir, 'library.json'))
      expect(detailOf(0)).toMatch(/position 100\b/)
      expect(detailOf(0)).toContain(newest.name)
      expect(buttonsOf(0)).toEqual(['Restore Backup', 'Quit'])
      expect(detailOf(1)).toContain('damaged-')
      const admin = library!.as(ADMIN.email)
      const [home] = await admin.call('assets.roots')
      expect((await admin.call('assets.list', { folderId: home.id })).map((a) => a.name)).toEqual(['Alpha'])
    } finally {
      await library!.close()
    }
  })

  it('changes nothing when the person leaves instead', async () => {
    const dir = await libraryWithBackups('trove-recovery-')
    const damaged = damage(dir)
    showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false })
    expect(await openWithRecovery(dir, (d) => openLibrary(d), recoveryDialogs(() => 'Cancel'))).toBeNull()
    expect(buttonsOf(0)).toEqual(['Restore Backup', 'Cancel'])
    expect(fs.readFileSync(path.join(dir, 'library.json')).equals(damaged)).toBe(true)
    expect(fs.readdirSync(dir).some((n) => n.startsWith('damaged-'))).toBe(false)
  })

  it('offers the next backup when the restored one is damaged too', async () => {
    const dir = await libraryWithBackups('trove-recovery-')
    damage(dir)
    const [newest, older] = listBackups(dir)
    expect(older).toBeDefined()
    // A backup is a folder holding a manifest and its segments.
    fs.writeFileSync(path.join(newest.file, 'library.json'), '{"schemaVersion": 2, "seg')
    const library = await openWithRecovery(dir, (d) => openLibrary(d), recoveryDialogs(() => 'Quit'))
    expect(library).not.toBeNull()
    await library!.close()
    const offers = showMessageBox.mock.calls.map((c) => (c[0] as { detail: string }).detail).filter((d) => d.includes('is damaged'))
    expect(offers).toHaveLength(2)
    expect(offers[0]).toContain(newest.name)
    expect(offers[1]).toContain(older.name)
  })

  it('offers only to leave when there is no backup', async () => {
    const dir = tempFolder('trove-recovery-')
    await (await openLibrary(dir, { admin: ADMIN })).close()
    fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true })
    damage(dir)
    expect(await openWithRecovery(dir, (d) => openLibrary(d), recoveryDialogs(() => 'Quit'))).toBeNull()
    expect(buttonsOf(0)).toEqual(['Quit'])
    expect(detailOf(0)).toContain('no backup')
  })
})

describe('opening a library open elsewhere', () => {
  it('says so clearly, and does not open it', async () => {
    const dir = await libraryWithBackups('trove-recovery-')
    const holder = await openLibrary(dir)
    try {
      expect(await openWithRecovery(dir, (d) => openLibrary(d), recoveryDialogs(() => 'Quit'))).toBeNull()
      const shown = showMessageBox.mock.calls[0][0] as { message: string; detail: string }
      expect(shown.message).toMatch(/already open/)
      expect(shown.detail).toContain(dir)
    } finally {
      await holder.close()
    }
  })
})
