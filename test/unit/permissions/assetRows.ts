import fs from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'
import { PNG_V1 } from './world.js'
import type { AssetCase } from './assetCase.js'
import type { RowCheck } from './rowCheck.js'
import { zipEntries } from './zipEntries.js'

/**
 * The file and folder table of docs/permissions.md, one row per operation: [operation, can
 * view, can contribute, can manage]. Without any level the asset is invisible: it is reported
 * as missing (docs/permissions.md, what a restricted user is never told).
 */
export const ASSET_TABLE = [
  ['View & search assets', true, true, true],
  ['View file & file version details', true, true, true],
  ['Download file', true, true, true],
  ['Download assets as zip', true, true, true],
  ['View downloads', true, true, true],
  ['View comments', true, true, true],
  ['Edit and delete comments', false, true, true],
  ['Create new folder', false, true, true],
  ['Upload file & new file version', false, true, true],
  ['Restore file version', false, true, true],
  ['Update custom metadata', false, true, true],
  ['Edit tags', false, true, true],
  ['Add auto tags (extension)', false, true, true],
  ['Remove background (extension)', false, true, true],
  ['Remove tags', false, true, true],
  ['Edit image', false, true, true],
  ['Edit custom focus area', false, true, true],
  ['Copy asset', false, true, true],
  ['Add asset to media collections', false, true, true],
  ['Rename file', false, false, true],
  ['Move asset', false, false, true],
  ['Delete file version', false, false, true],
  ['Delete asset', false, false, true],
  ['Share asset', false, false, true],
] as const

export type AssetOperationName = (typeof ASSET_TABLE)[number][0]

const text = (s: string) => Buffer.from(s).toString('base64')
const ids = (items: { id: string }[]) => items.map((i) => i.id)

/** For each operation, the channel calls that perform it on the case's file or folder. */
export const ASSET_ROWS: Record<AssetOperationName, RowCheck<AssetCase>> = {
  'View & search assets': {
    steps: [
      async ({ w, file }) => expect((await w.user.call('assets.get', { id: file.id })).name).toBe(file.name),
      async ({ w, folder, file }) => expect(ids(await w.user.call('assets.list', { folderId: folder.id }))).toContain(file.id),
      async ({ w, folder, file }) => expect(ids((await w.user.call('search.assets', { query: 'photo', folderId: folder.id })).items)).toContain(file.id),
    ],
    shows: [
      async ({ w, file }) => ids((await w.user.call('search.assets', { query: file.name })).items).includes(file.id),
      async ({ w, folder }) => ids(await w.user.call('assets.roots')).includes(folder.id),
    ],
  },
  'View file & file version details': {
    steps: [
      async ({ w, file }) => expect(await w.user.call('assets.get', { id: file.id })).toMatchObject({ versionCount: 2, currentVersion: 2, width: 6 }),
      async ({ w, file }) => expect((await w.user.call('files.versions', { fileId: file.id })).map((v) => v.number)).toEqual([2, 1]),
    ],
  },
  'Download file': {
    steps: [
      async ({ w, file }) => expect((await w.user.call('files.read', { fileId: file.id, version: 1 })).base64).toBe(PNG_V1),
      // Read from the bytes: the same right as the bytes themselves.
      async ({ w, file }) => expect(await w.user.call('files.embeddedFields', { fileId: file.id, version: 1 })).toEqual(expect.arrayContaining([expect.objectContaining({ group: 'png' })])),
      async ({ w, n, file }) => {
        const dest = path.join(w.out, `file-${n}.png`)
        await w.user.call('files.download', { fileId: file.id, version: 1, destPath: dest })
        expect(fs.readFileSync(dest).toString('base64')).toBe(PNG_V1)
      },
    ],
  },
  'Download assets as zip': {
    steps: [
      async ({ w, n, folder, file }) => {
        const dest = path.join(w.out, `zip-${n}.zip`)
        await w.user.call('downloads.zip', { assetIds: [folder.id], destPath: dest })
        expect(zipEntries(dest)).toEqual([`${folder.name}/${file.name}`])
      },
    ],
  },
  'View downloads': {
    // Downloads are the user's own: seeing one of this asset needs having been able to download it.
    steps: [
      async ({ w, n, folder }) => {
        const dest = path.join(w.out, `listed-${n}.zip`)
        const started = await w.user.call('downloads.zip', { assetIds: [folder.id], destPath: dest })
        const listed = await w.user.call('downloads.list')
        expect(listed.find((d) => d.id === started.id)).toMatchObject({ state: 'done', fileCount: 1, name: `${folder.name}.zip` })
      },
    ],
  },
  'View comments': {
    steps: [async ({ w, file, commentId }) => expect(ids(await w.user.call('comments.list', { fileId: file.id }))).toEqual([commentId])],
  },
  'Edit and delete comments': {
    steps: [
      async ({ w, file }) => expect(await w.user.call('comments.add', { fileId: file.id, text: 'Looks good' })).toMatchObject({ authorId: w.userId }),
      async ({ w, commentId }) => expect((await w.user.call('comments.edit', { commentId, text: 'Second look' })).text).toBe('Second look'),
      async ({ w, commentId }) => expect(await w.user.call('comments.delete', { commentId })).toEqual({ deleted: commentId }),
    ],
  },
  'Create new folder': {
    steps: [async ({ w, folder }) => expect((await w.user.call('folders.create', { parentId: folder.id, name: 'Sub' })).parentId).toBe(folder.id)],
  },
  'Upload file & new file version': {
    steps: [
      async ({ w, folder }) => expect((await w.user.call('files.upload', { folderId: folder.id, name: 'notes.txt', base64: text('notes') })).parentId).toBe(folder.id),
      async ({ w, file }) => expect((await w.user.call('files.uploadVersion', { fileId: file.id, base64: PNG_V1 })).versionCount).toBe(3),
    ],
  },
  'Restore file version': {
    steps: [async ({ w, file }) => expect(await w.user.call('files.restoreVersion', { fileId: file.id, version: 1 })).toMatchObject({ currentVersion: 3, width: 4 })],
  },
  'Update custom metadata': {
    steps: [
      async ({ w, file }) => {
        const updated = await w.user.call('metadata.set', { fileId: file.id, values: { [w.fieldId]: 'Spring' } })
        expect(updated.metadata).toEqual({ [w.fieldId]: 'Spring' })
      },
    ],
  },
  'Edit tags': {
    steps: [async ({ w, file }) => expect((await w.user.call('tags.add', { ids: [file.id], tags: ['hero'] }))[0].tags).toEqual(['seeded', 'hero'])],
  },
  'Add auto tags (extension)': {
    steps: [
      async ({ w, file }) => {
        const { suggestions } = await w.user.call('extensions.autoTags', { fileId: file.id })
        expect(suggestions).toContain('square')
        const [tagged] = await w.user.call('tags.add', { ids: [file.id], tags: suggestions })
        expect(tagged.tags).toEqual(['seeded', ...suggestions])
      },
    ],
  },
  'Remove background (extension)': {
    steps: [
      async ({ w, file }) => {
        // The row is about who may, not about the picture: the model finds no subject in this small test image, so save its result all the same.
        const cut = await w.user.call('extensions.removeBackground', { fileId: file.id, saveIfEmpty: true })
        expect(cut).toMatchObject({ versionCount: 3, currentVersion: 3, mime: 'image/png' })
      },
    ],
  },
  'Remove tags': {
    steps: [async ({ w, file }) => expect((await w.user.call('tags.remove', { ids: [file.id], tags: ['seeded'] }))[0].tags).toEqual([])],
  },
  'Edit image': {
    steps: [
      async ({ w, file }) => {
        const edited = await w.user.call('images.edit', { fileId: file.id, ops: [{ op: 'resize', width: 3 }] })
        expect(edited).toMatchObject({ versionCount: 3, width: 3 })
      },
    ],
  },
  'Edit custom focus area': {
    steps: [
      async ({ w, file }) => {
        const rect = { x: 0.25, y: 0.25, width: 0.5, height: 0.5 }
        expect((await w.user.call('focus.set', { fileId: file.id, rect })).focus).toEqual(rect)
      },
    ],
  },
  'Copy asset': {
    steps: [
      async ({ w, file }) => {
        const [copy] = await w.user.call('assets.copy', { ids: [file.id], targetFolderId: w.dropId })
        expect(copy).toMatchObject({ parentId: w.dropId, name: file.name, createdBy: w.userId, level: 'manage' })
      },
    ],
  },
  'Add asset to media collections': {
    steps: [
      async ({ w, file }) => {
        expect(await w.user.call('collections.addAssets', { collectionIds: [w.picksId], assetIds: [file.id] })).toMatchObject({ added: 1, alreadyThere: 0 })
        expect(ids(await w.user.call('collections.assets', { collectionId: w.picksId }))).toContain(file.id)
      },
    ],
  },
  'Rename file': {
    steps: [async ({ w, n, file }) => expect((await w.user.call('assets.rename', { id: file.id, name: `renamed-${n}.png` })).name).toBe(`renamed-${n}.png`)],
  },
  'Move asset': {
    steps: [async ({ w, file }) => expect((await w.user.call('assets.move', { ids: [file.id], targetFolderId: w.dropId }))[0].parentId).toBe(w.dropId)],
  },
  'Delete file version': {
    steps: [async ({ w, file }) => expect((await w.user.call('files.deleteVersion', { fileId: file.id, version: 1 })).versionCount).toBe(1)],
  },
  'Delete asset': {
    steps: [
      async ({ w, file }) => {
        expect((await w.user.call('assets.delete', { ids: [file.id] })).deleted).toEqual([file.id])
        expect(w.t.library.core.store.tables.assets.has(file.id)).toBe(false)
      },
    ],
  },
  'Share asset': {
    steps: [
      async ({ w, file }) => {
        const shared = await w.user.call('sharing.set', { resourceId: file.id, subjectId: w.otherId, level: 'view' })
        expect(shared.direct.map((g) => [g.subjectId, g.level])).toEqual([[w.otherId, 'view']])
      },
      async ({ w, file }) => expect((await w.user.call('sharing.list', { resourceId: file.id })).resourceId).toBe(file.id),
      async ({ w, file }) => expect((await w.user.call('sharing.remove', { resourceId: file.id, subjectId: w.otherId })).direct).toEqual([]),
    ],
  },
}
