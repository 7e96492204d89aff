import { z } from 'zod'
import type { AssetView } from '../views.js'
import { command } from './define.js'
import { idSchema, nameSchema } from './common.js'

/** Making folders; handled in main/core/folders/. */
export const folderChannels = {
  'folders.create': command<AssetView>()(z.object({ parentId: idSchema, name: nameSchema }).strict()),
}
