import fsp from 'node:fs/promises'
import type { FileRecord } from '../../../shared/domain.js'
import { ASSET_OPERATIONS, atLeast } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { HandlerMap } from '../context.js'
import { assetLevelFor, requireFile } from '../access.js'
import { currentVersionOf } from '../assets/tree.js'
import { EXTENSIONS } from '../extensions/registry.js'
import { suggestTags } from '../extensions/autoTags.js'
import { applyEdits, defaultFormat, isEditable } from './imageEdit.js'
import { checkSaveAs, saveDerived } from './saveDerived.js'
import { checkedInputSize } from './imageLimits.js'
import { takeImageSlot } from './imageJobs.js'

type MediaChannels = 'images.edit' | 'extensions.list' | 'extensions.autoTags' | 'extensions.removeBackground'

function requireImage(file: FileRecord): void {
  if (!isEditable(currentVersionOf(file).mime)) {
    throw new AppError('INVALID_INPUT', `"${file.name}" is not an image this app can read.`, { fileId: file.id, mime: currentVersionOf(file).mime })
  }
}

export const mediaHandlers: HandlerMap<MediaChannels> = {
  'images.edit': async (ctx, { fileId, ops, format, saveAs }) => {
    const file = requireFile(ctx, fileId, 'editImage')
    requireImage(file)
    checkSaveAs(ctx, file, saveAs)
    const release = takeImageSlot(ctx.core, ctx.actor.id)
    try {
      let output: Buffer
      try {
        const input = await fsp.readFile(await ctx.core.blobs.localFile(currentVersionOf(file).hash))
        output = await applyEdits(input, ops, format ?? defaultFormat(currentVersionOf(file).mime), file.name)
      } catch (error) {
        if (error instanceof AppError) throw error
        throw new AppError('INVALID_INPUT', `"${file.name}" could not be edited: ${(error as Error).message}`, { fileId })
      }
      const summary = `edited (${ops.map((o) => o.op).join(', ') || `converted to ${format}`})`
      return await saveDerived(ctx, fileId, output, { saveAs, operation: 'editImage', action: 'images.edit', summary, keepFocus: ops.length === 0 })
    } finally {
      release()
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
    const release = takeImageSlot(ctx.core, ctx.actor.id)
    try {
      const image = await fsp.readFile(await ctx.core.blobs.localFile(currentVersionOf(file).hash))
      await checkedInputSize(image, file.name)
      const suggestions = await suggestTags(image)
      return { suggestions: suggestions.filter((t) => !existing.has(t.toLowerCase())) }
    } catch (error) {
      if (error instanceof AppError) throw error
      throw new AppError('INVALID_INPUT', `"${file.name}" could not be read as an image: ${(error as Error).message}`, { fileId })
    } finally {
      release()
    }
  },

  'extensions.removeBackground': async (ctx, { fileId, saveAs }) => {
    const file = requireFile(ctx, fileId, 'removeBackground')
    requireImage(file)
    checkSaveAs(ctx, file, saveAs)
    const version = currentVersionOf(file)
    const release = takeImageSlot(ctx.core, ctx.actor.id)
    // The blob is pinned so a collection pass cannot take it while the model reads it.
    await ctx.core.blobs.pin(version.hash)
    try {
      const input = await ctx.core.blobs.localFile(version.hash)
      await checkedInputSize(input, file.name)
      const { result } = ctx.core.jobs.run(
        { kind: 'removeBackground', title: `Remove background of ${file.name}`, ownerId: ctx.actor.id, sessionId: ctx.session.id },
        (jc) => ctx.core.tools.removeBackground(input, version.mime, jc),
      )
      const png = await result
      return await saveDerived(ctx, fileId, png, { saveAs, operation: 'removeBackground', action: 'extensions.removeBackground', summary: 'removed the background', keepFocus: true })
    } finally {
      ctx.core.blobs.release(version.hash)
      release()
    }
  },
}
