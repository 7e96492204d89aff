import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { AssetRecord, DownloadRecord, FileRecord, Id } from '../../../shared/domain.js'
import { nameKey } from '../../../shared/names.js'
import { AppError } from '../../../shared/errors.js'
import type { VersionView } from '../../../shared/views.js'
import type { fileChannels } from '../../../shared/contract/files.js'
import type { Ctx, HandlersOf } from '../context.js'
import { requireFile, requireFolder } from '../access.js'
import { assetView } from '../assets/views.js'
import { currentVersionOf, ensureNameFree, freeCopyName } from '../assets/tree.js'
import { storeContent, versionFrom, type StoredContent } from './intake.js'
import { EMBEDDED_BYTES } from '../media/embedded.js'
import { allFields, loadTags } from '../media/metadataTags.js'
import { mention, say } from '../activity/summary.js'

/** Larger files go through files.download or the file protocol rather than one JSON reply. */
export const MAX_INLINE_READ = 32 * 1024 * 1024

function versionOf(file: FileRecord, number: number) {
  const version = file.versions.find((v) => v.number === number)
  if (!version) throw new AppError('NOT_FOUND', `"${file.name}" has no version ${number}.`, { fileId: file.id, version: number })
  return version
}

/** What holds `name` in the folder, if anything. */
function holderOf(ctx: Ctx, folderId: Id, name: string): AssetRecord | undefined {
  const id = ctx.core.store.indexes.childByName.get(folderId)?.get(nameKey(name))
  return id === undefined ? undefined : ctx.core.store.tables.assets.get(id)
}

/** The stored bytes as the file's next version, made current. */
async function addVersion(ctx: Ctx, file: FileRecord, content: StoredContent) {
  const now = ctx.core.clock()
  const number = Math.max(...file.versions.map((v) => v.number)) + 1
  const next: FileRecord = { ...file, versions: [...file.versions, versionFrom(content, number, ctx.actor.id, now)], currentVersion: number, updatedAt: now }
  await ctx.commit({
    op: 'files.uploadVersion',
    put: { assets: [next] },
    activity: { action: 'files.uploadVersion', ids: [file.id], summary: say`uploaded version ${number} of ${mention(file)}` },
  })
  return assetView(ctx.core, ctx.actor.id, next)
}

export const fileHandlers: HandlersOf<typeof fileChannels> = {
  'files.upload': async (ctx, input) => {
    // Checked before the bytes are read (fail fast) and again after (things may have moved meanwhile).
    requireFolder(ctx, input.folderId, 'upload')
    if (!input.onConflict) ensureNameFree(ctx.core, input.folderId, input.name)
    const content = await storeContent(ctx.core, ctx.session, input, input.name)
    try {
      const folder = requireFolder(ctx, input.folderId, 'upload')
      // No await from here to the commit: the holder found, or the free name found, is the one used.
      const holder = holderOf(ctx, folder.id, input.name)
      if (holder && input.onConflict === 'replace') {
        if (holder.kind !== 'file') {
          throw new AppError('CONFLICT', `"${folder.name}" already holds a folder named "${input.name}", and a folder cannot take a new version: keep both or skip.`, {
            parentId: folder.id, name: input.name, existingId: holder.id,
          })
        }
        return await addVersion(ctx, requireFile(ctx, holder.id, 'upload'), content)
      }
      if (!input.onConflict) ensureNameFree(ctx.core, folder.id, input.name)
      const name = holder ? freeCopyName(ctx.core, folder.id, input.name) : input.name
      const now = ctx.core.clock()
      const file: FileRecord = {
        id: ctx.core.newId(), kind: 'file', name, parentId: folder.id, createdBy: ctx.actor.id, createdAt: now, updatedAt: now,
        versions: [versionFrom(content, 1, ctx.actor.id, now)], currentVersion: 1, tags: [], metadata: {}, focus: null,
      }
      await ctx.commit({
        put: { assets: [file] },
        activity: { ids: [file.id, folder.id], summary: say`uploaded ${mention(file)}` },
      })
      return assetView(ctx.core, ctx.actor.id, file)
    } finally {
      content.release()
    }
  },

  'files.uploadVersion': async (ctx, input) => {
    const before = requireFile(ctx, input.fileId, 'upload')
    const content = await storeContent(ctx.core, ctx.session, input, before.name)
    try {
      return await addVersion(ctx, requireFile(ctx, input.fileId, 'upload'), content)
    } finally {
      content.release()
    }
  },

  'files.versions': (ctx, { fileId }) => {
    const file = requireFile(ctx, fileId, 'fileDetails')
    return file.versions
      .map((v): VersionView => {
        const view: VersionView = { number: v.number, size: v.size, mime: v.mime, createdBy: v.createdBy, createdAt: v.createdAt, current: v.number === file.currentVersion }
        if (v.width !== undefined) view.width = v.width
        if (v.height !== undefined) view.height = v.height
        if (v.restoredFrom !== undefined) view.restoredFrom = v.restoredFrom
        return view
      })
      .reverse()
  },

  'files.restoreVersion': async (ctx, { fileId, version }) => {
    const file = requireFile(ctx, fileId, 'restoreVersion')
    const old = versionOf(file, version)
    if (version === file.currentVersion) throw new AppError('CONFLICT', `Version ${version} is already the current version.`, { fileId, version })
    // Restoring adds the old content as the newest version, so no history is lost.
    const now = ctx.core.clock()
    const number = Math.max(...file.versions.map((v) => v.number)) + 1
    const next: FileRecord = { ...file, versions: [...file.versions, { ...old, number, restoredFrom: version, createdBy: ctx.actor.id, createdAt: now }], currentVersion: number, updatedAt: now }
    await ctx.commit({
      put: { assets: [next] },
      activity: { ids: [file.id], summary: say`restored version ${version} of ${mention(file)} as version ${number}` },
    })
    return assetView(ctx.core, ctx.actor.id, next)
  },

  'files.deleteVersion': async (ctx, { fileId, version }) => {
    const file = requireFile(ctx, fileId, 'deleteVersion')
    versionOf(file, version)
    if (version === file.currentVersion) {
      throw new AppError('CONFLICT', `Version ${version} is the current version; restore another version first.`, { fileId, version })
    }
    const next: FileRecord = { ...file, versions: file.versions.filter((v) => v.number !== version), updatedAt: ctx.core.clock() }
    await ctx.commit({
      put: { assets: [next] },
      activity: { ids: [file.id], summary: say`deleted version ${version} of ${mention(file)}` },
    })
    return assetView(ctx.core, ctx.actor.id, next)
  },

  'files.read': async (ctx, { fileId, version }) => {
    const file = requireFile(ctx, fileId, 'downloadFile')
    const v = version === undefined ? currentVersionOf(file) : versionOf(file, version)
    if (v.size > MAX_INLINE_READ) {
      throw new AppError('LIMIT_EXCEEDED', `"${file.name}" is larger than ${MAX_INLINE_READ / 1024 / 1024} MB; download it instead.`, { limit: MAX_INLINE_READ, size: v.size })
    }
    const bytes = await fsp.readFile(await ctx.core.blobs.localFile(v.hash))
    return { name: file.name, mime: v.mime, size: v.size, base64: bytes.toString('base64') }
  },

  // Read from the bytes, so it asks what reading the bytes asks.
  'files.embeddedFields': async (ctx, { fileId, version }) => {
    const file = requireFile(ctx, fileId, 'downloadFile')
    const v = version === undefined ? currentVersionOf(file) : versionOf(file, version)
    if (!v.mime.startsWith('image/') || v.mime === 'image/svg+xml') return []
    const blob = await ctx.core.blobs.localFile(v.hash)
    const head = Buffer.alloc(Math.min(v.size, EMBEDDED_BYTES))
    const handle = await fsp.open(blob, 'r')
    try {
      await handle.read(head, 0, head.length, 0)
    } finally {
      await handle.close()
    }
    const tags = await loadTags({ head, path: blob, size: v.size })
    return tags ? allFields(tags) : []
  },

  'files.download': async (ctx, { fileId, version, destPath }) => {
    const file = requireFile(ctx, fileId, 'downloadFile')
    const v = version === undefined ? currentVersionOf(file) : versionOf(file, version)
    if (!ctx.session.mayUsePath(destPath, 'write')) throw new AppError('FORBIDDEN', 'This window may not write files by path; choose where with the save dialog.', { destPath })
    const dest = path.resolve(destPath)
    const tmp = `${dest}.${ctx.core.newId()}.part`
    try {
      await pipeline(ctx.core.blobs.createReadStream(v.hash), fs.createWriteStream(tmp, { flags: 'wx' }))
      await fsp.rename(tmp, dest)
    } catch (error) {
      await fsp.rm(tmp, { force: true })
      throw new AppError('INVALID_INPUT', `Cannot write ${dest}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, { destPath })
    }
    const now = ctx.core.clock()
    const record: DownloadRecord = {
      id: ctx.core.newId(), ownerId: ctx.actor.id, name: file.name, destPath: dest, state: 'done', fileCount: 1, bytes: v.size, createdAt: now, finishedAt: now,
    }
    await ctx.commit({
      put: { downloads: [record] },
      activity: { ids: [file.id], summary: say`downloaded ${mention(file)} (version ${v.number})` },
    })
    return { path: dest, size: v.size }
  },
}
