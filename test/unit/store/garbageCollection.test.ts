import fsp from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Library } from '../../../main/core/index.js'
import type { FolderBlobStore } from '../../../main/core/blobs/folderBlobs.js'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary()
})
afterEach(async () => {
  vi.restoreAllMocks()
  await t.close()
})

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

async function upload(name: string, text: string): Promise<string> {
  const file = await t.admin.call('files.upload', { folderId: t.homeId, name, base64: Buffer.from(text).toString('base64') })
  return file.id
}

/** Deletes and purges from the trash: a trashed file still references its blobs (docs/trash.md). */
async function destroy(id: string | Promise<string>): Promise<void> {
  const ids = [await id]
  await t.admin.call('assets.delete', { ids })
  await t.admin.call('trash.purge', { ids })
}

describe('collecting unreferenced blobs', () => {
  it('removes a blob once no version references it, never while a copy still does', async () => {
    const original = await upload('report.txt', 'quarterly numbers')
    await upload('other.txt', 'unrelated content')
    const [copy] = await t.admin.call('assets.copy', { ids: [original], targetFolderId: t.homeId })
    const { blobs } = t.library.core

    await destroy(original)
    await t.library.collectGarbage()
    expect(await blobs.has(sha256('quarterly numbers')), 'the copy still uses it').toBe(true)
    expect((await t.admin.call('files.read', { fileId: copy.id })).base64).toBe(Buffer.from('quarterly numbers').toString('base64'))

    await destroy(copy.id)
    await t.library.collectGarbage()
    expect(await blobs.has(sha256('quarterly numbers'))).toBe(false)
    expect(await blobs.has(sha256('unrelated content'))).toBe(true)
  })

  it('removes a blob that nothing ever referenced', async () => {
    const { blobs } = t.library.core
    const stray = await blobs.put(Buffer.from('left by an upload that never committed'))
    blobs.release(stray.hash)
    expect(await t.library.collectGarbage()).toEqual({ removed: 1, bytes: stray.size })
    expect(await blobs.has(stray.hash)).toBe(false)
  })

  it('leaves a blob pinned by an upload in progress', async () => {
    const { blobs } = t.library.core
    // Stored but not yet committed: the state of an upload between its bytes and its change.
    const pending = await blobs.put(Buffer.from('arriving'))
    await t.library.collectGarbage()
    expect(await blobs.has(pending.hash)).toBe(true)
    blobs.release(pending.hash)
    await t.library.collectGarbage()
    expect(await blobs.has(pending.hash)).toBe(false)
  })

  it.each([
    ['a full pass', (library: Library) => library.collectGarbage()],
    ['the pass over blobs orphaned by deletions', (library: Library) => library.collectOrphans()],
  ])('%s leaves a blob that an upload of the same bytes pins while the pass looks at it', async (_, pass) => {
    const { blobs } = t.library.core
    const text = 'the same bytes again'
    await destroy(await upload('gone.txt', text))
    const hash = sha256(text)
    const stat = fsp.stat
    let arrived = false
    vi.spyOn(fsp, 'stat').mockImplementation(async (...args: Parameters<typeof fsp.stat>) => {
      if (!arrived && String(args[0]) === (blobs as FolderBlobStore).pathOf(hash)) {
        arrived = true
        await blobs.put(Buffer.from(text)) // pinned until its change commits
      }
      return stat(...args)
    })
    await pass(t.library)
    expect(arrived, 'the pass looked at the blob').toBe(true)
    expect(await blobs.has(hash), 'a pinned blob was removed').toBe(true)
  })
})
