import fsp from 'node:fs/promises'
import path from 'node:path'
import type { DownloadRecord, Id } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import { fitName } from '../../../shared/names.js'
import type { DownloadView } from '../../../shared/views.js'
import type { downloadChannels } from '../../../shared/contract/downloads.js'
import type { Ctx, HandlersOf } from '../context.js'
import { distinct, requireAsset, requireCollection } from '../access.js'
import { planZip } from './zipPlan.js'
import { writeZip } from './writeZip.js'

/** The per-request limits on collections do not apply to downloads, but one this large is confirmed first (docs/permissions.md). */
export const CONFIRM_FILES = 10_000
export const CONFIRM_BYTES = 10 * 1024 ** 3

/**
 * The top assets of a zip request, each checked for the download-as-zip row (view). The zip is
 * named for what it holds, cut so that with ".zip" it is still a name a file system and the
 * save dialog take (a 255-character name plus ".zip" would be neither).
 */
function zipSelection(ctx: Ctx, input: { assetIds?: Id[]; collectionId?: Id }): { topIds: Id[]; name: string } {
  if (input.collectionId !== undefined) {
    const collection = requireCollection(ctx, input.collectionId, 'downloadZip')
    return { topIds: [...ctx.core.store.indexes.assetsByCollection.get(collection.id)], name: fitName(collection.name, '.zip') }
  }
  const ids = distinct(input.assetIds!, 'assetIds')
  const assets = ids.map((id) => requireAsset(ctx, id, 'downloadZip'))
  // Named for what it holds: "sunset.jpg and 5 more.zip" says more than "6 items.zip". The
  // count stays whole however long the first name is (fitName cuts the name, not the marker).
  const first = assets[0].parentId === null ? 'Home' : assets[0].name
  if (assets.length === 1) return { topIds: ids, name: fitName(first, '.zip') }
  return { topIds: ids, name: fitName(first, ` and ${assets.length - 1} more.zip`) }
}

const sizeOf = (file: string): Promise<number | null> => fsp.stat(file).then((st) => (st.isFile() ? st.size : null), () => null)

function downloadView(d: DownloadRecord): DownloadView {
  const { ownerId: _owner, ...view } = d
  return view
}

export const downloadHandlers: HandlersOf<typeof downloadChannels> = {
  'downloads.zip': async (ctx, input) => {
    if (!ctx.session.mayUsePath(input.destPath, 'write')) throw new AppError('FORBIDDEN', 'This window may not write files by path; choose where with the save dialog.', { destPath: input.destPath })
    const { topIds, name } = zipSelection(ctx, input)
    const plan = planZip(ctx.core, topIds)
    const dest = path.resolve(input.destPath)
    const { job, result } = ctx.core.jobs.run({ kind: 'zip', title: `Download ${name}`, ownerId: ctx.actor.id, sessionId: ctx.session.id, id: input.jobId }, (jc) =>
      writeZip(ctx.core.blobs, plan.entries, dest, {
        signal: jc.signal,
        onProgress: (p) => jc.progress({ done: p.entries, total: plan.entries.length, bytesDone: p.bytes, bytesTotal: plan.bytes }),
      }),
    )
    // The record exists while the zip is written, so "view downloads" lists running ones too.
    const record: DownloadRecord = {
      id: ctx.core.newId(), ownerId: ctx.actor.id, name, destPath: dest, state: 'running', fileCount: plan.fileCount, bytes: 0,
      createdAt: ctx.core.clock(), jobId: job.id,
    }
    await ctx.commit({ op: 'downloads.start', put: { downloads: [record] }, activity: null })
    let outcome: { bytes: number } | AppError
    try {
      outcome = await result
    } catch (error) {
      outcome = error instanceof AppError ? error : new AppError('INVALID_INPUT', `Cannot write ${dest}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, { destPath: dest })
    }
    const { jobId: _job, ...base } = record
    const final: DownloadRecord = outcome instanceof AppError
      ? { ...base, state: outcome.code === 'CANCELLED' ? 'cancelled' : 'failed', error: outcome.message, finishedAt: ctx.core.clock() }
      : { ...base, state: 'done', bytes: outcome.bytes, finishedAt: ctx.core.clock() }
    await ctx.commit({
      op: 'downloads.finish',
      put: { downloads: [final] },
      activity: {
        action: 'downloads.zip',
        ids: input.collectionId ? [input.collectionId] : topIds,
        summary: final.state === 'done' ? `downloaded ${name} (${plan.fileCount} file(s))` : `download of ${name} ${final.state}`,
      },
    })
    if (outcome instanceof AppError) throw outcome
    return downloadView(final)
  },

  'downloads.plan': (ctx, input) => {
    const { topIds, name } = zipSelection(ctx, input)
    const plan = planZip(ctx.core, topIds)
    return { name, fileCount: plan.fileCount, bytes: plan.bytes, needsConfirmation: plan.fileCount > CONFIRM_FILES || plan.bytes > CONFIRM_BYTES }
  },

  'downloads.remove': async (ctx, { downloadId, deleteFile }) => {
    const record = ctx.core.store.tables.downloads.get(downloadId)
    if (!record || record.ownerId !== ctx.actor.id) throw new AppError('NOT_FOUND', `No download ${downloadId} in your list.`, { downloadId })
    if (record.state === 'running' || record.state === 'queued') {
      throw new AppError('CONFLICT', `"${record.name}" is still being written; cancel it first.`, { downloadId })
    }
    // No path grant is asked for: the caller names only their own record, whose path a save
    // dialog granted when the zip was made (grants do not outlive the window, the record does).
    // The file goes only while it is still the zip written then, not whatever took its name since.
    let fileDeleted = false
    if (deleteFile && record.state === 'done' && (await sizeOf(record.destPath)) === record.bytes) {
      fileDeleted = await fsp.rm(record.destPath).then(() => true, () => false)
    }
    await ctx.commit({
      del: [['downloads', record.id]],
      activity: { ids: [record.id], summary: `removed ${record.name} from the downloads list${fileDeleted ? ' and deleted its file' : ''}` },
    })
    return { removed: record.id, fileDeleted }
  },

  'downloads.list': (ctx) =>
    [...ctx.core.store.indexes.downloadsByOwner.get(ctx.actor.id)]
      .map((id) => downloadView(ctx.core.store.tables.downloads.get(id)!))
      .sort((a, b) => b.createdAt - a.createdAt),
}
