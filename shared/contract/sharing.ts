import { z } from 'zod'
import type { SharingView } from '../views.js'
import { command, query } from './define.js'
import { idSchema, levelSchema } from './common.js'

/** Grants on files, folders and collections to restricted users and groups; handled in main/core/sharing/. */
export const sharingChannels = {
  /** Direct grants and, for assets, grants inherited from ancestor folders with their source. */
  'sharing.list': query<SharingView>()(z.object({ resourceId: idSchema }).strict()),
  'sharing.set': command<SharingView>()(z.object({ resourceId: idSchema, subjectId: idSchema, level: levelSchema }).strict()),
  'sharing.remove': command<SharingView>()(z.object({ resourceId: idSchema, subjectId: idSchema }).strict()),
}
