import { hasRendition } from '../../../shared/mediaKinds.js'
import type { HandlerMap } from '../context.js'
import { distinct, requireFolder } from '../access.js'
import { currentVersionOf } from './tree.js'

/** Pictures a folder tile shows. */
const PER_FOLDER = 3
/** Children looked at per folder: a folder of 100,000 files is not read whole for a tile. */
const LOOK_AT = 64

export const previewHandlers: HandlerMap<'assets.previews'> = {
  /**
   * Each folder must be one the caller can view (a hidden one answers as a missing one); each
   * picture passes the permission engine too, so a tile never shows what the caller cannot open.
   */
  'assets.previews': (ctx, { folderIds }) => {
    const { core, actor } = ctx
    distinct(folderIds, 'folderIds')
    const folders = folderIds.map((id) => requireFolder(ctx, id, 'viewAndSearch'))
    const out: Record<string, { id: string; version: number }[]> = {}
    for (const folder of folders) {
      const picked: { id: string; version: number; name: string }[] = []
      let looked = 0
      for (const childId of core.store.indexes.children.get(folder.id)) {
        if (looked++ >= LOOK_AT) break
        const child = core.store.tables.assets.get(childId)
        if (child?.kind !== 'file' || !core.engine.canView(actor.id, child.id)) continue
        const version = currentVersionOf(child)
        if (version && hasRendition(version.mime)) picked.push({ id: child.id, version: version.number, name: child.name })
      }
      out[folder.id] = picked
        .sort((a, b) => a.name.localeCompare(b.name))
        .slice(0, PER_FOLDER)
        .map(({ id, version }) => ({ id, version }))
    }
    return out
  },
}
