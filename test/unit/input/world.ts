import fs from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'
import type { Caller, Library, Session } from '../../../main/core/index.js'
import type { ErrorCode } from '../../../shared/errors.js'
import { expectRefused, pngBase64, recordsOf, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

export const ROB_PASSWORD = 'correct horse battery'

/**
 * A small library with something of every kind, so every channel has a record to name:
 * Home/Marketing/{Brand/, logo.png (2 versions), notes.txt}, a collection holding the logo,
 * a comment, a metadata field, a file in the trash (old.txt), a saved search, a group, a finished zip download and its job, and these users:
 * Ada (admin), Rita (restricted, no password, contributes to Marketing, in Editors),
 * Rob (restricted, with a password), Fran (full access), Dev (developer).
 */
export interface World extends TempLibrary {
  rita: { id: string; email: string }
  rob: { id: string; email: string }
  fran: { id: string; email: string }
  dev: { id: string; email: string }
  groupId: string
  marketingId: string
  brandId: string
  logoId: string
  notesId: string
  collectionId: string
  commentId: string
  fieldId: string
  jobId: string
  downloadId: string
  activityId: string
  /** Ada's saved search "Blue things" (tag blue). */
  smartId: string
  /** A file in the trash. */
  trashedId: string
  /** Somewhere outside the library that paths may name. */
  outDir: string
  importSource: string
  /** Every record id the world made, to tell id-valued inputs from others. */
  ids: Set<string>
  as(who: 'rita' | 'rob' | 'fran' | 'dev'): Caller
}

export async function makeWorld(): Promise<World> {
  // The model takes minutes of CPU and is test/unit/media/removeBackground.test.ts's business: here the "cut-out" is the image itself.
  const t = await tempLibrary({ tools: { removeBackground: async (input) => fs.readFileSync(input) } })
  const { admin } = t
  const outDir = fs.mkdtempSync(path.join(path.dirname(t.dir), 'trove-out-'))
  const importSource = path.join(outDir, 'imported.png')
  fs.writeFileSync(importSource, Buffer.from(pngBase64(3, 3), 'base64'))
  const user = async (name: string, email: string, role: 'restricted' | 'fullAccess' | 'developer', password?: string) => {
    const u = await admin.call('users.create', { name, email, role, password })
    return { id: u.id, email: u.email }
  }
  const rita = await user('Rita', 'rita@example.com', 'restricted')
  const rob = await user('Rob', 'rob@example.com', 'restricted', ROB_PASSWORD)
  const fran = await user('Fran', 'fran@example.com', 'fullAccess')
  const dev = await user('Dev', 'dev@example.com', 'developer')
  const group = await admin.call('groups.create', { name: 'Editors' })
  await admin.call('groups.addMembers', { groupId: group.id, userIds: [rita.id] })
  const marketing = await admin.call('folders.create', { parentId: t.homeId, name: 'Marketing' })
  const brand = await admin.call('folders.create', { parentId: marketing.id, name: 'Brand' })
  const logo = await admin.call('files.upload', { folderId: marketing.id, name: 'logo.png', base64: pngBase64(4, 4) })
  await admin.call('files.uploadVersion', { fileId: logo.id, base64: pngBase64(6, 6) })
  await admin.call('tags.add', { ids: [logo.id], tags: ['blue'] })
  const notes = await admin.call('files.upload', { folderId: marketing.id, name: 'notes.txt', base64: Buffer.from('plain words').toString('base64') })
  const collection = await admin.call('collections.create', { name: 'Launch' })
  await admin.call('collections.addAssets', { collectionIds: [collection.id], assetIds: [logo.id] })
  const comment = await admin.call('comments.add', { fileId: logo.id, text: 'Looks good' })
  const field = await admin.call('metadata.defineField', { name: 'Rating', type: 'number' })
  const smart = await admin.call('smartCollections.create', { name: 'Blue things', search: { query: '', tags: ['blue'] } })
  await admin.call('sharing.set', { resourceId: marketing.id, subjectId: rita.id, level: 'contribute' })
  await admin.call('downloads.zip', { assetIds: [logo.id], destPath: path.join(outDir, 'logo.zip') })
  const [job] = await admin.call('jobs.list')
  const [download] = await admin.call('downloads.list')
  const [latest] = (await admin.call('activity.list', { resourceId: logo.id })).items
  const old = await admin.call('files.upload', { folderId: marketing.id, name: 'old.txt', base64: Buffer.from('old words').toString('base64') })
  await admin.call('assets.delete', { ids: [old.id] })
  const world: World = {
    ...t,
    rita, rob, fran, dev,
    groupId: group.id,
    marketingId: marketing.id,
    brandId: brand.id,
    logoId: logo.id,
    notesId: notes.id,
    collectionId: collection.id,
    commentId: comment.id,
    fieldId: field.id,
    jobId: job.id,
    downloadId: download.id,
    activityId: latest.id,
    trashedId: old.id,
    smartId: smart.id,
    outDir,
    importSource,
    ids: new Set(),
    as: (who) => t.library.as(world[who].email),
    async close() {
      await t.close()
      fs.rmSync(outDir, { recursive: true, force: true })
    },
  }
  for (const id of [t.homeId, rita.id, rob.id, fran.id, dev.id, group.id, marketing.id, brand.id, logo.id, notes.id, collection.id, comment.id, field.id, world.jobId, download.id, world.activityId, old.id, smart.id]) {
    world.ids.add(id)
  }
  return world
}

export interface Refusal {
  code: string
  message: string
  details?: Record<string, unknown>
}

/**
 * Calls a channel that must be refused with `code` and checks that the refusal changed
 * nothing: every record (compared with a deep copy, so a record edited in place is caught
 * too), the store's sequence number, and who acts in the session.
 */
export async function expectRefusedUnchanged(library: Library, session: Session, channel: string, input: unknown, code: ErrorCode): Promise<Refusal> {
  const before = structuredClone(recordsOf(library))
  const seq = library.core.store.seq
  const acting = { userId: session.userId, viewAsId: session.viewAsId }
  const error = await expectRefused(library.dispatch(session, channel, input), code)
  expect(typeof error.message === 'string' && error.message.length > 0, 'the refusal has a message').toBe(true)
  expect(library.core.store.seq, `${channel} moved the store's seq`).toBe(seq)
  expect(recordsOf(library), `${channel} changed records`).toEqual(before)
  expect({ userId: session.userId, viewAsId: session.viewAsId }, `${channel} changed who acts`).toEqual(acting)
  return error
}

/** The same, for a typed caller. */
export function refusedUnchanged(library: Library, caller: Caller, channel: string, input: unknown, code: ErrorCode): Promise<Refusal> {
  return expectRefusedUnchanged(library, caller.session, channel, input, code)
}
