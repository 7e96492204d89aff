import type { FileRecord } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import { hasRendition } from '../../../shared/mediaKinds.js'
import type { AssetView, DuplicateGroup, SimilarMatch } from '../../../shared/views.js'
import type { duplicateChannels } from '../../../shared/contract/duplicates.js'
import type { Core, Ctx, HandlersOf } from '../context.js'
import { requireFile, requireFolder } from '../access.js'
import { assetView } from '../assets/views.js'
import { currentVersionOf, subtree } from '../assets/tree.js'
import { hammingDistance } from '../media/perceptualHash.js'
import { groupLookAlikes, LOOK_ALIKE_DISTANCE } from './lookAlike.js'

const DEFAULT_SIMILAR = 50

/**
 * The files the caller can view, in the folder given or everywhere. Everything below is built
 * from this list only, so groups, counts and distances never involve a file the caller
 * cannot view (a restricted user learns nothing of hidden copies).
 */
function viewableFiles(ctx: Ctx, folderId?: string): FileRecord[] {
  const { core, actor } = ctx
  const assets = folderId === undefined ? core.store.tables.assets.values() : subtree(core, requireFolder(ctx, folderId, 'viewAndSearch').id)
  const files: FileRecord[] = []
  for (const asset of assets) if (asset.kind === 'file' && core.engine.canView(actor.id, asset.id)) files.push(asset)
  return files
}

/**
 * A perceptual hash is recorded when a file's grid thumbnail is made (on import, or when
 * first shown); files whose thumbnail has not been made yet get it made now.
 */
async function hashesOf(core: Core, files: FileRecord[]): Promise<Map<string, string>> {
  const missing = new Map<string, FileRecord>()
  for (const file of files) {
    const v = currentVersionOf(file)
    if (hasRendition(v.mime) && !core.renditions.hashes.get(v.hash) && !core.renditions.failure(v.hash)) missing.set(v.hash, file)
  }
  await Promise.allSettled(
    [...missing.values()].map((file) => {
      const v = currentVersionOf(file)
      return core.renditions.ensure(v.hash, 'thumb', file.focus, { mime: v.mime, durationSec: v.media?.durationSec })
    }),
  )
  const hashes = new Map<string, string>()
  for (const file of files) {
    const v = currentVersionOf(file)
    const hash = hasRendition(v.mime) ? core.renditions.hashes.get(v.hash) : undefined
    if (hash) hashes.set(v.hash, hash)
  }
  return hashes
}

/** Views of files still there and still viewable once the hashes are made (a change may have come meanwhile). */
function viewsOf(ctx: Ctx, files: FileRecord[]): AssetView[] {
  const out: AssetView[] = []
  for (const file of files) {
    const now = ctx.core.store.tables.assets.get(file.id)
    if (now?.kind === 'file' && ctx.core.engine.canView(ctx.actor.id, now.id)) out.push(assetView(ctx.core, ctx.actor.id, now))
  }
  return out
}

const byPath = (a: AssetView, b: AssetView) => a.path.localeCompare(b.path)
const largestFirst = (a: DuplicateGroup, b: DuplicateGroup) => b.files.length - a.files.length || a.files[0].path.localeCompare(b.files[0].path)

export const duplicateHandlers: HandlersOf<typeof duplicateChannels> = {
  'duplicates.find': async (ctx, { folderId }) => {
    const files = viewableFiles(ctx, folderId)
    const byContent = new Map<string, FileRecord[]>()
    for (const file of files) {
      const hash = currentVersionOf(file).hash
      byContent.set(hash, [...(byContent.get(hash) ?? []), file])
    }
    const pictures = await hashesOf(ctx.core, files)
    const sameContent: DuplicateGroup[] = []
    for (const group of byContent.values()) {
      const views = viewsOf(ctx, group)
      if (views.length > 1) sameContent.push({ files: views.sort(byPath) })
    }
    // Look-alikes compare distinct contents: same-content copies are one picture here, listed whole.
    const lookAlike: DuplicateGroup[] = []
    for (const contents of groupLookAlikes(pictures)) {
      const views = viewsOf(ctx, contents.flatMap((hash) => byContent.get(hash) ?? []))
      if (new Set(views.map((v) => currentVersionOfView(ctx, v))).size > 1) lookAlike.push({ files: views.sort(byPath) })
    }
    return { sameContent: sameContent.sort(largestFirst), lookAlike: lookAlike.sort(largestFirst) }
  },

  'duplicates.similar': async (ctx, { fileId, limit }) => {
    const file = requireFile(ctx, fileId, 'viewAndSearch')
    const mine = currentVersionOf(file)
    if (!hasRendition(mine.mime)) throw new AppError('INVALID_INPUT', `"${file.name}" has no picture to compare.`, { fileId, mime: mine.mime })
    const files = viewableFiles(ctx).filter((f) => f.id !== file.id)
    const pictures = await hashesOf(ctx.core, [file, ...files])
    const target = pictures.get(mine.hash)
    if (!target) throw new AppError('INVALID_INPUT', `"${file.name}" could not be read as a picture: ${ctx.core.renditions.failure(mine.hash) ?? 'no picture was made of it'}`, { fileId })
    const matches: { file: FileRecord; distance: number; sameContent: boolean }[] = []
    for (const other of files) {
      const v = currentVersionOf(other)
      const hash = pictures.get(v.hash)
      if (!hash) continue
      const distance = v.hash === mine.hash ? 0 : hammingDistance(target, hash)
      if (distance <= LOOK_ALIKE_DISTANCE) matches.push({ file: other, distance, sameContent: v.hash === mine.hash })
    }
    matches.sort((a, b) => Number(b.sameContent) - Number(a.sameContent) || a.distance - b.distance || a.file.name.localeCompare(b.file.name))
    const out: SimilarMatch[] = []
    for (const match of matches) {
      if (out.length === (limit ?? DEFAULT_SIMILAR)) break
      const [view] = viewsOf(ctx, [match.file])
      if (view) out.push({ file: view, distance: match.distance, sameContent: match.sameContent })
    }
    return { matches: out }
  },
}

function currentVersionOfView(ctx: Ctx, view: AssetView): string {
  const record = ctx.core.store.tables.assets.get(view.id) as FileRecord
  return currentVersionOf(record).hash
}
