import { useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTrove } from '../../store/index.js'
import { Modal } from '../dialogs/Modal.js'
import { DownloadList } from './DownloadList.js'
import { JobList } from './JobList.js'
import './jobs.css'
import { CloseRow } from '../dialogs/CloseRow.js'

type Tab = 'jobs' | 'downloads'
const TABS: { id: Tab; label: string }[] = [
  { id: 'jobs', label: 'Jobs' },
  { id: 'downloads', label: 'Downloads' },
]

/** The jobs panel: running work with progress and cancel, finished work with its outcome, and "view downloads". */
export function JobsDialog({ initialTab = 'jobs' }: { initialTab?: Tab }) {
  const closeDialog = useTrove((s) => s.closeDialog)
  const [tab, setTab] = useState<Tab>(initialTab)
  const id = useId()
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ jobs: null, downloads: null })

  // Arrow keys move between tabs, as a tab list does (WAI-ARIA tabs pattern).
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
    const next = tab === 'jobs' ? 'downloads' : 'jobs'
    setTab(next)
    tabRefs.current[next]?.focus()
  }

  return (
    <Modal title="Jobs and downloads" onClose={closeDialog} className="modal-medium">
      <div className="tabs" role="tablist" aria-label="Show" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[t.id] = el
            }}
            type="button"
            role="tab"
            id={`${id}-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`${id}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`}>
        {tab === 'jobs' ? <JobList /> : <DownloadList />}
      </div>
      <CloseRow />
    </Modal>
  )
}
