import type { Level } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import { PNG_V1, PNG_V2, type World } from './world.js'

/** Where Uma's level on the case folder comes from. */
export type Source = 'user' | 'group' | 'owner' | 'collection'
export type LevelUnderTest = Level | 'none'

/** One row's own state: a folder, a file in it with two versions, a tag and a comment. */
export interface AssetCase {
  w: World
  /** Makes names unique within the world. */
  n: number
  folder: AssetView
  /** Created by the admin: Uma's level on it is inherited from the folder. */
  file: AssetView
  /** The admin's comment on the file. */
  commentId: string
}

/**
 * Builds a case where Uma's level on the folder (and so on the file) is `level`, coming
 * from `source`: a grant to her, a grant to her group, her having created the folder
 * (the grant that let her do so then revoked), or the folder being in a collection she can view.
 */
export async function makeAssetCase(w: World, source: Source, level: LevelUnderTest, n: number): Promise<AssetCase> {
  const { admin, homeId } = w.t
  let folder: AssetView
  if (source === 'owner') {
    const parent = await admin.call('folders.create', { parentId: homeId, name: `case-${n}-parent` })
    await admin.call('sharing.set', { resourceId: parent.id, subjectId: w.userId, level: 'contribute' })
    folder = await w.user.call('folders.create', { parentId: parent.id, name: `case-${n}` })
    await admin.call('sharing.remove', { resourceId: parent.id, subjectId: w.userId })
  } else {
    folder = await admin.call('folders.create', { parentId: homeId, name: `case-${n}` })
    if (source === 'collection') {
      await admin.call('collections.addAssets', { collectionIds: [w.viewingId], assetIds: [folder.id] })
    } else if (level !== 'none') {
      await admin.call('sharing.set', { resourceId: folder.id, subjectId: source === 'user' ? w.userId : w.groupId, level })
    }
  }
  const uploaded = await admin.call('files.upload', { folderId: folder.id, name: `photo-${n}.png`, base64: PNG_V1 })
  await admin.call('files.uploadVersion', { fileId: uploaded.id, base64: PNG_V2 })
  const [file] = await admin.call('tags.add', { ids: [uploaded.id], tags: ['seeded'] })
  const comment = await admin.call('comments.add', { fileId: file.id, text: 'First look' })
  return { w, n, folder, file, commentId: comment.id }
}
