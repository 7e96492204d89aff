import { AppError } from '../../../shared/errors.js'
import type { tagChannels } from '../../../shared/contract/tags.js'
import type { HandlersOf } from '../context.js'
import { distinct, requireFile } from '../access.js'
import { assetView } from '../assets/views.js'

const MAX_TAGS_PER_FILE = 500

const sameTag = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

export const tagHandlers: HandlersOf<typeof tagChannels> = {
  'tags.add': async (ctx, { ids, tags }) => {
    distinct(ids, 'ids')
    const files = ids.map((id) => requireFile(ctx, id, 'editTags'))
    const now = ctx.core.clock()
    const next = files.map((f) => {
      const merged = [...f.tags]
      for (const tag of tags) if (!merged.some((t) => sameTag(t, tag))) merged.push(tag)
      if (merged.length > MAX_TAGS_PER_FILE) throw new AppError('LIMIT_EXCEEDED', `"${f.name}" would have more than ${MAX_TAGS_PER_FILE} tags.`, { limit: MAX_TAGS_PER_FILE })
      return { ...f, tags: merged, updatedAt: now }
    })
    await ctx.commit({ put: { assets: next }, activity: { ids, summary: `tagged ${ids.length} file(s) with ${tags.join(', ')}` } })
    return next.map((f) => assetView(ctx.core, ctx.actor.id, f))
  },

  'tags.remove': async (ctx, { ids, tags }) => {
    distinct(ids, 'ids')
    const files = ids.map((id) => requireFile(ctx, id, 'removeTags'))
    const now = ctx.core.clock()
    const next = files.map((f) => ({ ...f, tags: f.tags.filter((t) => !tags.some((r) => sameTag(r, t))), updatedAt: now }))
    await ctx.commit({ put: { assets: next }, activity: { ids, summary: `removed tags ${tags.join(', ')} from ${ids.length} file(s)` } })
    return next.map((f) => assetView(ctx.core, ctx.actor.id, f))
  },
}
