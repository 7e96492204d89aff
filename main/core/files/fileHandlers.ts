import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { DownloadRecord, FileRecord, FolderRecord } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { VersionView } from '../../../shared/views.js'
import type { HandlerMap } from '../context.js'
import { requireFile, requireFolder } from '../access.js'
import { assetView } from '../assets/views.js'
import { currentVersionOf, ensureNameFree } from '../assets/tree.js'
import { storeContent, versionFrom } from './intake.js'
import { EMBEDDED_BYTES } from '../media/embedded.js'
import { allFields, loadTags } from '../media/metadataTags.js'
import { mention, say } from '../activity/summary.js'

type FileChannels =
  | 'folders.create' | 'files.upload' | 'files.uploadVersion' | 'files.versions' | 'files.restoreVersion'
  | 'files.deleteVersion' | 'files.read' | 'files.embeddedFields' | 'files.download'

/** Larger files go through files.download or the file protocol rather than one JSON reply. */
export const MAX_INLINE_READ = 32 * 1024 * 1024

function versionOf(file: FileRecord, number: number) {
  const version = file.versions.find((v) => v.number === number)
  if (!version) throw new AppError('NOT_FOUND', `"${file.name}" has no version ${number}.`, { fileId: file.id, version: number })
  return version
}

export const fileHandlers: HandlerMap<FileChannels> = {
  'folders.create': async (ctx, { parentId, name }) => {
    const parent = requireFolder(ctx, parentId, 'createFolder')
    ensureNameFree(ctx.core, parent.id, name)
    const now = ctx.core.clock()
    const folder: FolderRecord = { id: ctx.core.newId(), kind: 'folder', name, parentId: parent.id, createdBy: ctx.actor.id, createdAt: now, updatedAt: now }
    await ctx.commit('folders.create', {
      put: { assets: [folder] },
      activity: { action: 'folders.create', ids: [folder.id, parent.id], summary: say`created folder ${mention(folder)}` },
    })
    return assetView(ctx.core, ctx.actor.id, folder)
  },

  'files.upload': async (ctx, input) => {
    // Checked before the bytes are read (fail fast) and again after (things may have moved meanwhile).
    requireFolder(ctx, input.folderId, 'upload')
    ensureNameFree(ctx.core, input.folderId, input.name)
    const content = await storeContent(ctx.core, ctx.session, input, input.name)
    try {
      const folder = requireFolder(ctx, input.folderId, 'upload')
      ensureNameFree(ctx.core, folder.id, input.name)
      const now = ctx.core.clock()
      const file: FileRecord = {
        id: ctx.core.newId(), kind: 'file', name: input.name, parentId: folder.id, createdBy: ctx.actor.id, createdAt: now, updatedAt: now,
        versions: [versionFrom(content, 1, ctx.actor.id, now)], currentVersion: 1, tags: [], metadata: {}, focus: null,
      }
      await ctx.commit('files.upload', {
        put: { assets: [file] },
        activity: { action: 'files.upload', ids: [file.id, folder.id], summary: say`uploaded ${mention(file)}` },
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
      const file = requireFile(ctx, input.fileId, 'upload')
      const now = ctx.core.clock()
      const number = Math.max(...file.versions.map((v) => v.number)) + 1
      const next: FileRecord = { ...file, versions: [...file.versions, versionFrom(content, number, ctx.actor.id, now)], currentVersion: number, updatedAt: now }
      await ctx.commit('files.uploadVersion', {
        put: { assets: [next] },
        activity: { action: 'files.uploadVersion', ids: [file.id], summary: say`uploaded version ${number} of ${mention(file)}` },
      })
      return assetView(ctx.core, ctx.actor.id, next)
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
    await ctx.commit('files.restoreVersion', {
      put: { assets: [next] },
      activity: { action: 'files.restoreVersion', ids: [file.id], summary: say`restored version ${version} of ${mention(file)} as version ${number}` },
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
    await ctx.commit('files.deleteVersion', {
      put: { assets: [next] },
      activity: { action: 'files.deleteVersion', ids: [file.id], summary: say`deleted version ${version} of ${mention(file)}` },
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
    await ctx.commit('files.download', {
      put: { downloads: [record] },
      activity: { action: 'files.download', ids: [file.id], summary: say`downloaded ${mention(file)} (version ${v.number})` },
    })
    return { path: dest, size: v.size }
  },
}
