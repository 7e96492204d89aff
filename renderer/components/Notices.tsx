import { useEffect, useRef, useState } from 'react'
import type { Notice } from '../store/noticesSlice.js'
import { useTrove } from '../store/index.js'
import { CloseIcon } from './icons.js'

/** How long a notice stays when nobody points at it or focuses it. */
export const NOTICE_MS = 6000

/**
 * What just happened, said quietly, with Undo where it can be undone. Each goes away on its
 * own, but not while the pointer or focus is on it (someone about to press Undo).
 */
export function Notices() {
  const notices = useTrove((s) => s.notices)
  return (
    <div className="notices" role="region" aria-label="Notifications">
      {notices.map((n) => (
        <NoticeToast key={n.id} notice={n} />
      ))}
    </div>
  )
}

function NoticeToast({ notice }: { notice: Notice }) {
  const [held, setHeld] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (held) return
    const t = setTimeout(() => useTrove.getState().dismissNotice(notice.id), NOTICE_MS)
    return () => clearTimeout(t)
  }, [held, notice.id])
  return (
    <div
      ref={box}
      className="toast toast-notice"
      role="status"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(e) => !box.current?.contains(e.relatedTarget as Node | null) && setHeld(false)}
    >
      <p>{notice.message}</p>
      {notice.undoable && (
        <button type="button" className="button button-small" onClick={() => void useTrove.getState().undoNotice(notice.id)}>
          Undo
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => useTrove.getState().dismissNotice(notice.id)}>
        <CloseIcon size={16} />
      </button>
    </div>
  )
}
