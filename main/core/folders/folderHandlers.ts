import type { FolderRecord } from '../../../shared/domain.js'
import type { folderChannels } from '../../../shared/contract/folders.js'
import type { HandlersOf } from '../context.js'
import { requireFolder } from '../access.js'
import { assetView } from '../assets/views.js'
import { ensureNameFree } from '../assets/tree.js'
import { mention, say } from '../activity/summary.js'

export const folderHandlers: HandlersOf<typeof folderChannels> = {
  'folders.create': async (ctx, { parentId, name }) => {
    const parent = requireFolder(ctx, parentId, 'createFolder')
    ensureNameFree(ctx.core, parent.id, name)
    const now = ctx.core.clock()
    const folder: FolderRecord = { id: ctx.core.newId(), kind: 'folder', name, parentId: parent.id, createdBy: ctx.actor.id, createdAt: now, updatedAt: now }
    await ctx.commit({
      put: { assets: [folder] },
      activity: { ids: [folder.id, parent.id], summary: say`created folder ${mention(folder)}` },
    })
    return assetView(ctx.core, ctx.actor.id, folder)
  },
}
