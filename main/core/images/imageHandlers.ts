import fsp from 'node:fs/promises'
import type { FileRecord } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { imageChannels } from '../../../shared/contract/images.js'
import type { HandlersOf } from '../context.js'
import { requireFile } from '../access.js'
import { currentVersionOf } from '../assets/tree.js'
import { applyEdits, defaultFormat, isEditable } from '../media/imageEdit.js'
import { checkSaveAs, saveDerived } from '../media/saveDerived.js'
import { takeImageSlot } from '../media/imageJobs.js'

/** Edits and extensions take only images this app can read. */
export function requireImage(file: FileRecord): void {
  if (!isEditable(currentVersionOf(file).mime)) {
    throw new AppError('INVALID_INPUT', `"${file.name}" is not an image this app can read.`, { fileId: file.id, mime: currentVersionOf(file).mime })
  }
}

export const imageHandlers: HandlersOf<typeof imageChannels> = {
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
      return await saveDerived(ctx, fileId, output, { saveAs, operation: 'editImage', summary, keepFocus: ops.length === 0 })
    } finally {
      release()
    }
  },
}
