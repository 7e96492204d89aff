import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { listBackups, openLibrary, restoreBackup } from '../../../main/core/index.js'
import { ADMIN, expectRefused } from '../../support/tempLibrary.js'
import { libraryWithBackups, removeFolders } from './fixtures/libraryFolders.js'

afterEach(() => {
  vi.restoreAllMocks()
  removeFolders()
})

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position)
  return { line: before.split('\n').length, column: position - before.lastIndexOf('\n') }
}

/** Opens the library, which must be refused as corrupt at `position`, with library.json left byte for byte. */
async function expectCorruptAt(dir: string, position: number): Promise<void> {
  const file = path.join(dir, 'library.json')
  const bytes = fs.readFileSync(file)
  const error = await expectRefused(openLibrary(dir), 'LIBRARY_CORRUPT')
  const { line, column } = lineAndColumn(bytes.toString('utf8'), position)
  expect(error.details).toMatchObject({ file, position, line, column })
  expect(error.message).toContain(file)
  expect(error.message).toContain(`position ${position} (line ${line}, column ${column})`)
  expect(fs.readFileSync(file).equals(bytes), 'library.json was changed by the refused open').toBe(true)
  expect(fs.existsSync(path.join(dir, 'library.lock')), 'the refused open let go of the lock').toBe(false)
}

describe('a corrupt library', () => {
  it('truncated in the middle is refused with its path and the position where it ends', async () => {
    const dir = await libraryWithBackups()
    const file = path.join(dir, 'library.json')
    const truncated = fs.readFileSync(file).subarray(0, Math.floor(fs.statSync(file).size / 2))
    fs.writeFileSync(file, truncated)
    await expectCorruptAt(dir, truncated.toString('utf8').length)
    // Refused again, the same way: nothing was repaired or locked behind the first refusal.
    await expectCorruptAt(dir, truncated.toString('utf8').length)
  })

  it.each([
    ['a value turned into a bare word', '"name":"Beta"', '"name":xBeta"', '"name":'.length],
    ['a comma turned into a semicolon', '"name":"Beta",', '"name":"Beta";', '"name":"Beta"'.length],
  ])('with a segment holding %s is refused with the segment, the position of the bad byte and the line', async (_, original, damaged, offset) => {
    const dir = await libraryWithBackups()
    const folder = path.join(dir, 'segments')
    // Without column files, as a library written before them: open reads every line (with them,
    // see columnFiles.test.ts).
    for (const name of fs.readdirSync(folder)) if (name.endsWith('.cols')) fs.rmSync(path.join(folder, name))
    const file = fs.readdirSync(folder).map((n) => path.join(folder, n)).find((f) => fs.readFileSync(f, 'utf8').includes(original))!
    const text = fs.readFileSync(file, 'utf8')
    const at = text.indexOf(original)
    fs.writeFileSync(file, text.slice(0, at) + damaged + text.slice(at + original.length))
    const bytes = fs.readFileSync(file)
    const error = await expectRefused(openLibrary(dir), 'LIBRARY_CORRUPT')
    const line = text.slice(0, at).split('\n').length
    expect(error.details).toMatchObject({ file, position: at + offset, line })
    expect(error.message).toContain(file)
    expect(error.message).toContain(`byte ${at + offset} (line ${line})`)
    expect(fs.readFileSync(file).equals(bytes), 'the segment was changed by the refused open').toBe(true)
  })

  it('with a segment cut short, or changed without breaking its lines, is refused by its size or checksum', async () => {
    const dir = await libraryWithBackups()
    const folder = path.join(dir, 'segments')
    const file = fs.readdirSync(folder).map((n) => path.join(folder, n)).find((f) => fs.readFileSync(f, 'utf8').includes('"name":"Beta"'))!
    const text = fs.readFileSync(file, 'utf8')
    fs.writeFileSync(file, text.replace('"name":"Beta"', '"name":"Bet!"'))
    let error = await expectRefused(openLibrary(dir), 'LIBRARY_CORRUPT')
    expect(error.message).toContain(file)
    expect(error.message).toContain('checksum')
    const lines = text.split('\n')
    fs.writeFileSync(file, `${lines.slice(0, -2).join('\n')}\n`)
    error = await expectRefused(openLibrary(dir), 'LIBRARY_CORRUPT')
    expect(error.message).toContain(file)
    expect(error.details).toMatchObject({ file })
  })

  it('can be replaced by the newest backup, which then opens; the damaged files are set aside', async () => {
    const dir = await libraryWithBackups()
    const file = path.join(dir, 'library.json')
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 100))
    const damaged = fs.readFileSync(file)
    await expectRefused(openLibrary(dir), 'LIBRARY_CORRUPT')

    const backups = listBackups(dir)
    expect(backups.length).toBeGreaterThan(1)
    expect(backups.map((b) => b.seq)).toEqual([...backups.map((b) => b.seq)].sort((a, b) => b - a))
    const { setAside } = restoreBackup(dir, backups[0].name)
    expect(fs.readFileSync(path.join(setAside, 'library.json')).equals(damaged)).toBe(true)
    expect(fs.existsSync(path.join(setAside, 'journal.jsonl'))).toBe(true)
    expect(fs.readFileSync(file).equals(fs.readFileSync(path.join(backups[0].file, 'library.json')))).toBe(true)

    const library = await openLibrary(dir)
    try {
      const admin = library.as(ADMIN.email)
      const [home] = await admin.call('assets.roots')
      const names = (await admin.call('assets.list', { folderId: home.id })).map((a) => a.name)
      // Beta came after the backup was taken: it is in the set-aside history, not here.
      expect(names).toEqual(['Alpha'])
    } finally {
      await library.close()
    }
  })

  it('sets each damaged state aside on its own when a restored backup is damaged too', async () => {
    const dir = await libraryWithBackups()
    const file = path.join(dir, 'library.json')
    fs.writeFileSync(file, 'first damage')
    const [newest, older] = listBackups(dir)
    fs.writeFileSync(path.join(newest.file, 'library.json'), 'second damage')
    // Recovery tries one backup after another, which can happen within one millisecond.
    vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000)
    const first = restoreBackup(dir, newest.name)
    await expectRefused(openLibrary(dir), 'LIBRARY_CORRUPT')
    const second = restoreBackup(dir, older.name)
    vi.restoreAllMocks()

    expect(second.setAside).not.toBe(first.setAside)
    expect(fs.readFileSync(path.join(first.setAside, 'library.json'), 'utf8')).toBe('first damage')
    expect(fs.readFileSync(path.join(second.setAside, 'library.json'), 'utf8')).toBe('second damage')
    const library = await openLibrary(dir)
    await library.close()
  })

  it('cannot be restored over while the library is open', async () => {
    const dir = await libraryWithBackups()
    const library = await openLibrary(dir)
    try {
      const error = (() => {
        try {
          restoreBackup(dir, listBackups(dir)[0].name)
        } catch (e) {
          return e as { code: string }
        }
        return null
      })()
      expect(error?.code).toBe('LIBRARY_LOCKED')
    } finally {
      await library.close()
    }
  })
})
