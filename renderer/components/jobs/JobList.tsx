import { useEffect } from 'react'
import { isDesktop } from '../../store/platform.js'
import { useTrove } from '../../store/index.js'
import { useJobs } from '../../store/jobSelectors.js'
import { JobRow } from './JobRow.js'

/**
 * In a browser, a zip is made for the HTTP download under a session of its own, whose job
 * events reach no page: the list is asked for again while it is on screen.
 */
const BROWSER_POLL_MS = 1500

export function JobList() {
  const jobs = useJobs()
  useEffect(() => {
    if (isDesktop()) return
    const timer = setInterval(() => void useTrove.getState().loadJobs(), BROWSER_POLL_MS)
    return () => clearInterval(timer)
  }, [])

  if (jobs.length === 0) {
    return <p className="jobs-empty">Nothing is running. Imports, zip downloads and image extensions show their progress here.</p>
  }
  return (
    <ul className="job-list" aria-label="Jobs">
      {jobs.map((job) => (
        <JobRow key={job.id} job={job} />
      ))}
    </ul>
  )
}
