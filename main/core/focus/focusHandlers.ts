import { AppError } from '../../../shared/errors.js'
import type { focusChannels } from '../../../shared/contract/focus.js'
import type { HandlersOf } from '../context.js'
import { requireFile } from '../access.js'
import { assetView } from '../assets/views.js'
import { mention, say } from '../activity/summary.js'

export const focusHandlers: HandlersOf<typeof focusChannels> = {
  'focus.set': async (ctx, { fileId, rect }) => {
    const file = requireFile(ctx, fileId, 'editFocus')
    const current = file.versions.find((v) => v.number === file.currentVersion)!
    if (rect && !current.mime.startsWith('image/')) throw new AppError('INVALID_INPUT', `"${file.name}" is not an image; only images have a focus area.`, { fileId })
    const next = { ...file, focus: rect, updatedAt: ctx.core.clock() }
    await ctx.commit({
      put: { assets: [next] },
      activity: { ids: [fileId], summary: rect ? say`set the focus area of ${mention(file)}` : say`cleared the focus area of ${mention(file)}` },
    })
    return assetView(ctx.core, ctx.actor.id, next)
  },
}
