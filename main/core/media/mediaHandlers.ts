import fsp from 'node:fs/promises'
import type { FileRecord } from '../../../shared/domain.js'
import { ASSET_OPERATIONS, atLeast } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { HandlerMap } from '../context.js'
import { assetLevelFor, requireFile, requireFolder } from '../access.js'
import { assetView, pathOf } from '../assets/views.js'
import { currentVersionOf, ensureNameFree } from '../assets/tree.js'
import { storeContent, versionFrom } from '../files/intake.js'
import { EXTENSIONS } from '../extensions/registry.js'
import { suggestTags } from '../extensions/autoTags.js'
import { applyEdits, defaultFormat, isEditable } from './imageEdit.js'

type MediaChannels = 'images.edit' | 'extensions.list' | 'extensions.autoTags'

async function currentBytes(ctx: Parameters<HandlerMap<MediaChannels>['images.edit']>[0], file: FileRecord): Promise<Buffer> {
  return fsp.readFile(ctx.core.blobs.pathOf(currentVersionOf(file).hash))
}

function requireImage(file: FileRecord): void {
  if (!isEditable(currentVersionOf(file).mime)) {
    throw new AppError('INVALID_INPUT', `"${file.name}" is not an image this app can read.`, { fileId: file.id, mime: currentVersionOf(file).mime })
  }
}

export const mediaHandlers: HandlerMap<MediaChannels> = {
  'images.edit': async (ctx, { fileId, ops, format, saveAs }) => {
    const before = requireFile(ctx, fileId, 'editImage')
    requireImage(before)
    const asNewFile = typeof saveAs === 'object' ? saveAs.newName : null
    // A new file beside the original is an upload into its folder: contribute there too.
    if (asNewFile !== null) {
      requireFolder(ctx, before.parentId, 'upload')
      ensureNameFree(ctx.core, before.parentId, asNewFile)
    }
    let output: Buffer
    try {
      output = await applyEdits(await currentBytes(ctx, before), ops, format ?? defaultFormat(currentVersionOf(before).mime))
    } catch (error) {
      throw new AppError('INVALID_INPUT', `"${before.name}" could not be edited: ${(error as Error).message}`, { fileId })
    }
    const content = await storeContent(ctx.core, ctx.session, { base64: output.toString('base64') }, asNewFile ?? before.name)
    try {
      const file = requireFile(ctx, fileId, 'editImage')
      const now = ctx.core.clock()
      const summary = ops.map((o) => o.op).join(', ') || `convert to ${format}`
      if (asNewFile !== null) {
        requireFolder(ctx, file.parentId, 'upload')
        ensureNameFree(ctx.core, file.parentId, asNewFile)
        const created: FileRecord = {
          id: ctx.core.newId(), kind: 'file', name: asNewFile, parentId: file.parentId, createdBy: ctx.actor.id, createdAt: now, updatedAt: now,
          versions: [versionFrom(content, 1, ctx.actor.id, now)], currentVersion: 1, tags: [...file.tags], metadata: { ...file.metadata }, focus: null,
        }
        await ctx.commit('images.edit', {
          put: { assets: [created] },
          activity: { action: 'images.edit', ids: [created.id, file.id], summary: `saved an edited copy of ${pathOf(ctx.core, file.id)} as ${asNewFile} (${summary})` },
        })
        return assetView(ctx.core, ctx.actor.id, created)
      }
      const number = Math.max(...file.versions.map((v) => v.number)) + 1
      // A crop or rotation moves the picture under the focus area, so the old one no longer fits.
      const next: FileRecord = { ...file, versions: [...file.versions, versionFrom(content, number, ctx.actor.id, now)], currentVersion: number, focus: ops.length > 0 ? null : file.focus, updatedAt: now }
      await ctx.commit('images.edit', {
        put: { assets: [next] },
        activity: { action: 'images.edit', ids: [file.id], summary: `edited ${pathOf(ctx.core, file.id)} (${summary}) as version ${number}` },
      })
      return assetView(ctx.core, ctx.actor.id, next)
    } finally {
      content.release()
    }
  },

  'extensions.list': (ctx, { fileId }) => {
    const file = requireFile(ctx, fileId, 'viewAndSearch')
    return EXTENSIONS.filter((e) => e.appliesTo(file) && atLeast(assetLevelFor(ctx, file.id, ASSET_OPERATIONS[e.operation]), ASSET_OPERATIONS[e.operation])).map(
      ({ name, title, description }) => ({ name, title, description }),
    )
  },

  'extensions.autoTags': async (ctx, { fileId }) => {
    const file = requireFile(ctx, fileId, 'autoTags')
    requireImage(file)
    const existing = new Set(file.tags.map((t) => t.toLowerCase()))
    try {
      const suggestions = await suggestTags(await currentBytes(ctx, file))
      return { suggestions: suggestions.filter((t) => !existing.has(t.toLowerCase())) }
    } catch (error) {
      throw new AppError('INVALID_INPUT', `"${file.name}" could not be read as an image: ${(error as Error).message}`, { fileId })
    }
  },
}
