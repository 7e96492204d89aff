import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import type { Caller } from '../../../main/core/index.js'
import { pngBase64, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

/** Two image contents, so a file can have two versions with different bytes. */
export const PNG_V1 = pngBase64(4, 4)
export const PNG_V2 = pngBase64(6, 6)

/**
 * One library for a group of permission cases: a restricted user (Uma) whose level is
 * under test, another restricted user to share with, a group Uma is in, and the places
 * an operation needs besides the asset under test, where Uma's level is fixed:
 * a folder she may contribute to (copy and move target) and a collection she may add to.
 */
export interface World {
  t: TempLibrary
  user: Caller
  userId: string
  otherId: string
  /** A group whose only member is Uma. */
  groupId: string
  /** A custom metadata field (text). */
  fieldId: string
  /** "Drop": Uma has contribute here; it holds `addableId`. */
  dropId: string
  /** A file in Drop, for adding to collections. */
  addableId: string
  /** "Picks": a collection Uma may contribute to. */
  picksId: string
  /** "Viewing": a collection Uma may view. */
  viewingId: string
  /** Where downloads are written. */
  out: string
}

/**
 * Stands in for the background-removal model (seconds and a gigabyte per image; its own test
 * runs it for real): these cases are about who may run it, not how well it cuts.
 */
const quickCutOut = async (input: string) => sharp(input).ensureAlpha(0).png().toBuffer()

export async function openWorld(): Promise<World> {
  const t = await tempLibrary({ tools: { removeBackground: quickCutOut } })
  const { admin } = t
  const uma = await admin.call('users.create', { name: 'Uma', email: 'uma@example.com', role: 'restricted' })
  const otto = await admin.call('users.create', { name: 'Otto', email: 'otto@example.com', role: 'restricted' })
  const group = await admin.call('groups.create', { name: 'Designers' })
  await admin.call('groups.addMembers', { groupId: group.id, userIds: [uma.id] })
  const field = await admin.call('metadata.defineField', { name: 'Campaign', type: 'text' })
  const drop = await admin.call('folders.create', { parentId: t.homeId, name: 'Drop' })
  await admin.call('sharing.set', { resourceId: drop.id, subjectId: uma.id, level: 'contribute' })
  const addable = await admin.call('files.upload', { folderId: drop.id, name: 'addable.png', base64: PNG_V1 })
  const picks = await admin.call('collections.create', { name: 'Picks' })
  await admin.call('sharing.set', { resourceId: picks.id, subjectId: uma.id, level: 'contribute' })
  const viewing = await admin.call('collections.create', { name: 'Viewing' })
  await admin.call('sharing.set', { resourceId: viewing.id, subjectId: uma.id, level: 'view' })
  const out = path.join(t.dir, 'out')
  fs.mkdirSync(out)
  return {
    t,
    user: t.library.as(uma.id),
    userId: uma.id,
    otherId: otto.id,
    groupId: group.id,
    fieldId: field.id,
    dropId: drop.id,
    addableId: addable.id,
    picksId: picks.id,
    viewingId: viewing.id,
    out,
  }
}
