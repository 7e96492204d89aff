import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { DownloadView } from '../../../shared/views.js'
import { errorShape } from '../../dispatch.js'
import { BASE_HEADERS, sendError } from './respond.js'
import { contentDisposition } from './content.js'
import type { SessionRoute } from './context.js'

/**
 * `GET /download/zip?assetIds=a,b` or `?collectionId=c`: a browser cannot name a path, so the
 * server writes the zip through the `downloads.zip` channel (same permission checks, same
 * download record) into a temp file of its own, streams it as an attachment and deletes it.
 * The one path that channel may write is that temp file: the browser's own session still may
 * use none.
 */
export const zipRoute: SessionRoute = async (ctx, { req, res, url }, session) => {
  const assetIds = url.searchParams.get('assetIds')
  const collectionId = url.searchParams.get('collectionId')
  const input = {
    ...(assetIds !== null ? { assetIds: assetIds.split(',') } : {}),
    ...(collectionId !== null ? { collectionId } : {}),
  }
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'trove-zip-'))
  const dest = path.join(dir, 'download.zip')
  const cleanup = () => fsp.rm(dir, { recursive: true, force: true }).catch(() => undefined)
  try {
    const zipSession = ctx.library.session(session.userId, (p, purpose) => purpose === 'write' && path.resolve(p) === dest)
    zipSession.viewAsId = session.viewAsId
    const view = (await ctx.library.dispatch(zipSession, 'downloads.zip', { ...input, destPath: dest })) as DownloadView
    const { size } = await fsp.stat(dest)
    res.writeHead(200, {
      ...BASE_HEADERS,
      'content-type': 'application/zip',
      'content-length': size,
      'content-disposition': contentDisposition('attachment', view.name),
      'cache-control': 'no-store',
    })
    if (req.method === 'HEAD') res.end()
    else await pipeline(fs.createReadStream(dest), res).catch(() => undefined)
  } catch (error) {
    sendError(res, errorShape(error))
  } finally {
    await cleanup()
  }
}
