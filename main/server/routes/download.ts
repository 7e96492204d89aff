import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { ResultOf } from '../../../shared/contract/index.js'
import { errorShape } from '../../dispatch.js'
import type { Library } from '../../core/library.js'
import { BASE_HEADERS, sendError } from './respond.js'
import { contentDisposition } from './content.js'
import type { SessionRoute } from './context.js'
import { followGrowingFile } from './followFile.js'

/**
 * `GET /download/zip?assetIds=a,b` or `?collectionId=c`. A browser cannot name a path, so
 * the `downloads.zip` channel (same permission checks, same download record, same job with
 * its progress) writes into a temp file of the server's own, and the response follows that
 * file as it grows: the browser's download starts at once and shows bytes as they are made,
 * however large the zip. Closing the download in the browser cancels the job. The one path
 * the channel may write is that temp file; the browser's own session still may use none.
 */
export const zipRoute: SessionRoute = async (ctx, { req, res, url }, session) => {
  const assetIds = url.searchParams.get('assetIds')
  const collectionId = url.searchParams.get('collectionId')
  const input = {
    ...(assetIds !== null ? { assetIds: assetIds.split(',') } : {}),
    ...(collectionId !== null ? { collectionId } : {}),
  }
  let plan: ResultOf<'downloads.plan'>
  try {
    // The same checks as the zip itself, made before any header is sent, so a refusal is a proper HTTP error.
    plan = (await ctx.library.dispatch(session, 'downloads.plan', input)) as ResultOf<'downloads.plan'>
  } catch (error) {
    sendError(res, errorShape(error))
    return
  }
  const headers = {
    ...BASE_HEADERS,
    'content-type': 'application/zip',
    'content-disposition': contentDisposition('attachment', plan.name),
    'cache-control': 'no-store',
  }
  if (req.method === 'HEAD') {
    res.writeHead(200, headers)
    res.end()
    return
  }
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'trove-zip-'))
  const dest = path.join(dir, 'download.zip')
  try {
    const zipping = ctx.library.dispatch(session.allowing(dest, 'write'), 'downloads.zip', { ...input, destPath: dest })
    const finished = zipping.then(() => undefined)
    finished.catch(() => undefined)
    res.on('close', () => {
      if (!res.writableFinished) cancelZip(ctx.library, dest)
    })
    // The zip is written to `.part` and renamed when complete; the open handle follows the rename.
    const streamed = await followGrowingFile({ growing: `${dest}.part`, final: dest }, finished, res, () => res.writeHead(200, headers))
    if (!streamed) await zipping // it failed before writing a byte: say why, as JSON
  } catch (error) {
    sendError(res, errorShape(error))
  } finally {
    await fsp.rm(dir, { recursive: true, force: true }).catch(() => undefined)
  }
}

/** The browser let go of a download still being written: its job stops and its partial file goes. */
function cancelZip(library: Library, dest: string): void {
  for (const record of library.core.store.tables.downloads.values()) {
    if (record.destPath === dest && record.jobId !== undefined && record.state === 'running') {
      library.core.jobs.cancel(record.jobId, record.ownerId, false)
    }
  }
}
