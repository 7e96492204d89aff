import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useTrove } from '../../store/index.js'
import { selectDownloads } from '../../store/jobSelectors.js'
import { DownloadRow } from './DownloadRow.js'

/** "View downloads" (issue 6): the user's running and past zips, asked for again whenever one is recorded. */
export function DownloadList() {
  const downloads = useTrove(useShallow(selectDownloads))
  const status = useTrove((s) => s.downloadsStatus)

  useEffect(() => {
    return useTrove.getState().watchDownloads()
  }, [])

  if (downloads.length === 0) {
    if (status === 'failed') return <p className="jobs-empty">The downloads could not be listed.</p>
    if (status !== 'ready') return <p className="jobs-empty" role="status">Loading…</p>
    return <p className="jobs-empty">No downloads yet. Choose “Download as zip” on files, folders or a collection.</p>
  }
  return (
    <ul className="job-list" aria-label="Downloads">
      {downloads.map((d) => (
        <DownloadRow key={d.id} download={d} />
      ))}
    </ul>
  )
}
