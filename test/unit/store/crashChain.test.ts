import { afterEach, describe, expect, it, vi } from 'vitest'
import { openLibrary, type Library } from '../../../main/core/index.js'
import { readJournals } from '../../../main/core/store/journal.js'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { holdManifestWrites } from './fixtures/hold.js'
import { crashImage, removeFolders } from './fixtures/libraryFolders.js'

let t: TempLibrary
afterEach(async () => {
  vi.restoreAllMocks()
  await t.close()
  removeFolders()
})

const missingFolders = (library: Library, ids: string[]) => ids.filter((id) => library.core.store.tables.assets.get(id)?.kind !== 'folder')

describe('two crashes in a row', () => {
  it('keep every acknowledged change when the second one lands in the compaction that finishes the first', async () => {
    t = await tempLibrary()
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await t.admin.call('folders.create', { parentId: t.homeId, name: `Folder ${i}` })).id)

    // First crash: the journal is set aside, the snapshot not yet written.
    let hold = holdManifestWrites()
    const compaction = t.library.core.store.compact()
    await hold.started()
    const first = crashImage(t.dir)
    hold.release()
    await compaction
    vi.restoreAllMocks()
    expect(readJournals.rotatedNames(first)).toHaveLength(1)

    // Second crash: the open finishes the cut compaction at once, and is cut at the same point.
    hold = holdManifestWrites()
    const reopened = await openLibrary(first)
    await hold.started()
    const second = crashImage(first)
    hold.release()
    await reopened.close()
    vi.restoreAllMocks()

    const library = await openLibrary(second)
    try {
      expect(missingFolders(library, ids)).toEqual([])
    } finally {
      await library.close()
    }
    expect(readJournals.rotatedNames(second), 'set-aside journals folded once the snapshot landed').toEqual([])
  })
})
