import { useEffect, useState } from 'react'
import { useTrove } from '../store/index.js'

const SHOWN_MS = 2500

/** Confirmations such as "Link copied": read out by screen readers, shown for a moment. */
export function Announcer() {
  const announcement = useTrove((s) => s.announcement)
  const [visible, setVisible] = useState(false)
  useEffect(() => {
    if (!announcement) return
    setVisible(true)
    const timer = setTimeout(() => setVisible(false), SHOWN_MS)
    return () => clearTimeout(timer)
  }, [announcement])
  return (
    <div className={`announcer${visible ? ' is-visible' : ''}`} role="status" aria-live="polite">
      {visible ? announcement?.text : ''}
    </div>
  )
}
