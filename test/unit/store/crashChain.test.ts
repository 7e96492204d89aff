import { afterEach, describe, expect, it, vi } from 'vitest'
import { openLibrary, type Library } from '../../../main/core/index.js'
import { readJournals } from '../../../main/core/store/journal.js'
import { SnapshotFile } from '../../../main/core/store/snapshot.js'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { crashImage, removeFolders } from './fixtures/libraryFolders.js'

let t: TempLibrary
afterEach(async () => {
  vi.restoreAllMocks()
  await t.close()
  removeFolders()
})

/**
 * Holds every snapshot write at its start until `release`: a copy of the folder taken
 * while one is held is what a crash in the middle of a compaction leaves.
 */
function holdSnapshotWrites(): { started: () => Promise<void>; release: () => void } {
  const original = SnapshotFile.prototype.write
  let gate!: () => void
  const held = new Promise<void>((resolve) => (gate = resolve))
  let onStart!: () => void
  const start = new Promise<void>((resolve) => (onStart = resolve))
  vi.spyOn(SnapshotFile.prototype, 'write').mockImplementation(async function (this: SnapshotFile, data) {
    onStart()
    await held
    return original.call(this, data)
  })
  return { started: () => start, release: () => gate() }
}

const missingFolders = (library: Library, ids: string[]) => ids.filter((id) => library.core.store.tables.assets.get(id)?.kind !== 'folder')

describe('two crashes in a row', () => {
  it('keep every acknowledged change when the second one lands in the compaction that finishes the first', async () => {
    t = await tempLibrary()
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await t.admin.call('folders.create', { parentId: t.homeId, name: `Folder ${i}` })).id)

    // First crash: the journal is set aside, the snapshot not yet written.
    let hold = holdSnapshotWrites()
    const compaction = t.library.core.store.compact()
    await hold.started()
    const first = crashImage(t.dir)
    hold.release()
    await compaction
    vi.restoreAllMocks()
    expect(readJournals.rotatedNames(first)).toHaveLength(1)

    // Second crash: the open finishes the cut compaction at once, and is cut at the same point.
    hold = holdSnapshotWrites()
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
