import fsp from 'node:fs/promises'
import type { DownloadRecord } from '../../../shared/domain.js'
import type { Core } from '../context.js'

/** A download still "running" when the library opens was cut off by a quit or a crash: say so, and remove its partial file. */
export async function markInterruptedDownloads(core: Core): Promise<void> {
  const stale = [...core.store.tables.downloads.values()].filter((d) => d.state === 'running' || d.state === 'queued')
  if (stale.length === 0) return
  const now = core.clock()
  const fixed: DownloadRecord[] = stale.map(({ jobId: _job, ...d }) => ({ ...d, state: 'failed', error: 'Interrupted: Trove was closed while it ran.', finishedAt: now }))
  for (const d of stale) await fsp.rm(`${d.destPath}.part`, { force: true })
  await core.store.commit({ actor: null, op: 'downloads.interrupted', put: { downloads: fixed } })
}
