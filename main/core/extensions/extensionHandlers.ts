import fsp from 'node:fs/promises'
import { ASSET_OPERATIONS, atLeast } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { extensionChannels } from '../../../shared/contract/extensions.js'
import type { HandlersOf } from '../context.js'
import { assetLevelFor, requireFile } from '../access.js'
import { currentVersionOf } from '../assets/tree.js'
import { requireImage } from '../images/imageHandlers.js'
import { checkSaveAs, saveDerived } from '../media/saveDerived.js'
import { checkedInputSize } from '../media/imageLimits.js'
import { takeImageSlot } from '../media/imageJobs.js'
import { EXTENSIONS } from './registry.js'
import { suggestTags } from './autoTags.js'
import { fullyTransparent } from './transparency.js'

export const extensionHandlers: HandlersOf<typeof extensionChannels> = {
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

  'extensions.removeBackground': async (ctx, { fileId, saveAs, jobId, saveIfEmpty }) => {
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
        { kind: 'removeBackground', title: `Remove background of ${file.name}`, ownerId: ctx.actor.id, sessionId: ctx.session.id, id: jobId },
        (jc) => ctx.core.tools.removeBackground(input, version.mime, jc),
      )
      const png = await result
      // A picture with nothing left in it is almost never wanted: asked about before it replaces anything.
      if (!saveIfEmpty && (await fullyTransparent(png))) {
        throw new AppError('CONFLICT', `The model found no subject in "${file.name}": every pixel of the result is transparent. Nothing was saved.`, { fileId, fullyTransparent: true })
      }
      return await saveDerived(ctx, fileId, png, { saveAs, operation: 'removeBackground', summary: 'removed the background', keepFocus: true })
    } finally {
      ctx.core.blobs.release(version.hash)
      release()
    }
  },
}
