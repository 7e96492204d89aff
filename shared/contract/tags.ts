import { z } from 'zod'
import type { AssetView } from '../views.js'
import { command } from './define.js'
import { idsSchema, tagSchema } from './common.js'

/** Tags on files; handled in main/core/tags/. */
export const tagChannels = {
  'tags.add': command<AssetView[]>()(z.object({ ids: idsSchema, tags: z.array(tagSchema).min(1).max(100) }).strict()),
  'tags.remove': command<AssetView[]>()(z.object({ ids: idsSchema, tags: z.array(tagSchema).min(1).max(100) }).strict()),
}
