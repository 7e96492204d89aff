import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary, type Library } from '../../../main/core/index.js'
import type { Change } from '../../../main/core/store/change.js'
import { ADMIN, expectRefused, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { crashImage, removeFolders } from './fixtures/libraryFolders.js'

let t: TempLibrary
afterEach(async () => {
  await t.close()
  removeFolders()
})

async function createFolders(library: Library, homeId: string, names: string[]): Promise<string[]> {
  const ids: string[] = []
  for (const name of names) ids.push((await library.as(ADMIN.email).call('folders.create', { parentId: homeId, name })).id)
  return ids
}

function journalLines(dir: string): string[] {
  return fs.readFileSync(path.join(dir, 'journal.jsonl'), 'utf8').split('\n').slice(0, -1)
}

function expectFolders(library: Library, ids: string[]): void {
  expect(ids.filter((id) => library.core.store.tables.assets.get(id)?.kind !== 'folder'), 'missing folders').toEqual([])
}

describe('the journal', () => {
  it('ignores a torn last line, and cuts it off before appending', async () => {
    t = await tempLibrary()
    const before = await createFolders(t.library, t.homeId, ['One', 'Two', 'Three'])
    const image = crashImage(t.dir)
    const journal = path.join(image, 'journal.jsonl')
    // Half of the line the next change would have written.
    const last = JSON.parse(journalLines(image).at(-1)!) as Change
    const next = JSON.stringify({ ...last, seq: last.seq + 1, put: { assets: [{ ...last.put.assets![0], id: 'torn-folder', name: 'Torn' }] } })
    const torn = next.slice(0, Math.floor(next.length / 2))
    const valid = fs.readFileSync(journal)
    const validBytes = valid.length
    fs.appendFileSync(journal, torn)

    let library = await openLibrary(image)
    try {
      expect(library.core.store.tornTail).toEqual({ file: journal, position: validBytes })
      expectFolders(library, before)
      expect(library.core.store.tables.assets.has('torn-folder')).toBe(false)
      const after = await createFolders(library, t.homeId, ['Four'])
      // Still open, the journal already holds whole lines only: the torn bytes are gone.
      const bytes = fs.readFileSync(journal)
      expect(bytes.subarray(0, validBytes).equals(valid)).toBe(true)
      const appended = bytes.subarray(validBytes).toString('utf8').split('\n')
      expect(appended.pop()).toBe('')
      expect(appended.map((line) => (JSON.parse(line) as Change).seq)).toEqual([last.seq + 1])

      // A crash now loses nothing either.
      const again = await openLibrary(crashImage(image))
      try {
        expect(again.core.store.tornTail).toBeNull()
        expectFolders(again, [...before, ...after])
      } finally {
        await again.close()
      }
      await library.close()
      library = await openLibrary(image)
      expectFolders(library, [...before, ...after])
    } finally {
      await library.close()
    }
  })

  it('refuses a damaged line in the middle, naming the file and the line, and changes nothing', async () => {
    t = await tempLibrary()
    await createFolders(t.library, t.homeId, ['One', 'Two', 'Three'])
    const image = crashImage(t.dir)
    const journal = path.join(image, 'journal.jsonl')
    const lines = journalLines(image)
    expect(lines.length).toBeGreaterThan(3)
    lines[1] = lines[1].slice(0, Math.floor(lines[1].length / 2))
    fs.writeFileSync(journal, `${lines.join('\n')}\n`)
    const journalBytes = fs.readFileSync(journal)
    const snapshotBytes = fs.readFileSync(path.join(image, 'library.json'))

    const error = await expectRefused(openLibrary(image), 'LIBRARY_CORRUPT')
    expect(error.details).toMatchObject({ file: journal, line: 2, position: lines[0].length + 1 })
    expect(error.message).toContain(journal)
    expect(error.message).toContain('line 2')
    expect(fs.readFileSync(journal).equals(journalBytes), 'the journal was changed by the refused open').toBe(true)
    expect(fs.readFileSync(path.join(image, 'library.json')).equals(snapshotBytes)).toBe(true)
    expect(fs.existsSync(path.join(image, 'library.lock'))).toBe(false)
  })
})
