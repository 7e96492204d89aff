import * as Toast from '@radix-ui/react-toast'
import type { Notice } from '../store/noticesSlice.js'
import { useTrove } from '../store/index.js'
import { CloseIcon } from './icons.js'

/** How long a notice stays when nobody points at it or focuses it. */
export const NOTICE_MS = 6000

/**
 * What just happened, said quietly, with Undo where it can be undone: Radix Toast, so each
 * goes away on its own but waits while the pointer or focus is in the corner (someone about
 * to press Undo) or the window is in the background, and F8 takes focus to them.
 */
export function Notices() {
  const notices = useTrove((s) => s.notices)
  return (
    <Toast.Provider duration={NOTICE_MS} label="Notice">
      {notices.map((n) => (
        <NoticeToast key={n.id} notice={n} />
      ))}
      {/* aria-live (off: Radix announces) keeps the corner readable while a dialog hides the rest of the page. */}
      <Toast.Viewport className="notices" label="Notifications" aria-live="off" />
    </Toast.Provider>
  )
}

function NoticeToast({ notice }: { notice: Notice }) {
  const { dismissNotice, undoNotice } = useTrove.getState()
  return (
    // Radix announces the text itself; the item keeps its role without a second announcement.
    <Toast.Root className="toast toast-notice" role="status" aria-live="off" open onOpenChange={(open) => !open && dismissNotice(notice.id)}>
      <Toast.Description asChild>
        <p>{notice.message}</p>
      </Toast.Description>
      {notice.undoable && (
        <Toast.Action altText="Undo with Control+Z or Command+Z" asChild>
          <button type="button" className="button button-small" onClick={() => void undoNotice(notice.id)}>
            Undo
          </button>
        </Toast.Action>
      )}
      <Toast.Close className="icon-button" aria-label="Dismiss">
        <CloseIcon size={16} />
      </Toast.Close>
    </Toast.Root>
  )
}
