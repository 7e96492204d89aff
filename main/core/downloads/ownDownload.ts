import type { DownloadRecord, Id } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import { resolveActor } from '../../dispatch.js'
import type { Core, Session } from '../context.js'

/** One of the acting user's downloads; anyone else's is as unknown as one that never existed. */
export function ownDownload(core: Core, session: Session, downloadId: Id): DownloadRecord {
  const { actor } = resolveActor(core, session)
  const record = core.store.tables.downloads.get(downloadId)
  if (!record || record.ownerId !== actor.id) throw new AppError('NOT_FOUND', `No download ${downloadId} in your list.`, { downloadId })
  return record
}
