import type { AssetOperation, FileRecord } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import type { Ctx } from '../context.js'
import { requireFile, requireFolder } from '../access.js'
import { assetView } from '../assets/views.js'
import { ensureNameFree } from '../assets/tree.js'
import { storeContent, versionFrom } from '../files/intake.js'
import { mention, say } from '../activity/summary.js'

export type SaveAs = 'version' | { newName: string }

/** A new file beside the original is an upload into its folder, so it needs contribute there and a free name. */
export function checkSaveAs(ctx: Ctx, file: FileRecord, saveAs: SaveAs | undefined): void {
  if (typeof saveAs !== 'object') return
  requireFolder(ctx, file.parentId, 'upload')
  ensureNameFree(ctx.core, file.parentId, saveAs.newName)
}

/**
 * Stores an image made from a file (an edit, a cut-out) as the file's next version, so the
 * previous one can be restored, or as a new file beside it. Permissions are checked again
 * here: the work before may have taken seconds, and grants may have changed meanwhile.
 */
export async function saveDerived(
  ctx: Ctx,
  fileId: string,
  output: Buffer,
  options: { saveAs?: SaveAs; operation: AssetOperation; summary: string; keepFocus: boolean },
): Promise<AssetView> {
  const asNewFile = typeof options.saveAs === 'object' ? options.saveAs.newName : null
  const before = requireFile(ctx, fileId, options.operation)
  const content = await storeContent(ctx.core, ctx.session, { base64: output.toString('base64') }, asNewFile ?? before.name)
  try {
    const file = requireFile(ctx, fileId, options.operation)
    checkSaveAs(ctx, file, options.saveAs)
    const now = ctx.core.clock()
    if (asNewFile !== null) {
      const created: FileRecord = {
        id: ctx.core.newId(), kind: 'file', name: asNewFile, parentId: file.parentId, createdBy: ctx.actor.id, createdAt: now, updatedAt: now,
        versions: [versionFrom(content, 1, ctx.actor.id, now)], currentVersion: 1, tags: [...file.tags], metadata: { ...file.metadata }, focus: null,
      }
      await ctx.commit({
        put: { assets: [created] },
        activity: { ids: [created.id, file.id], summary: say`${options.summary} of ${mention(file)}, saved as ${mention(created)}` },
      })
      return assetView(ctx.core, ctx.actor.id, created)
    }
    const number = Math.max(...file.versions.map((v) => v.number)) + 1
    const next: FileRecord = {
      ...file,
      versions: [...file.versions, versionFrom(content, number, ctx.actor.id, now)],
      currentVersion: number,
      // A crop or rotation moves the picture under the focus area, so the old one no longer fits.
      focus: options.keepFocus ? file.focus : null,
      updatedAt: now,
    }
    await ctx.commit({
      put: { assets: [next] },
      activity: { ids: [file.id], summary: say`${options.summary} of ${mention(file)} as version ${number}` },
    })
    return assetView(ctx.core, ctx.actor.id, next)
  } finally {
    content.release()
  }
}
