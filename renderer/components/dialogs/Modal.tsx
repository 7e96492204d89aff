import * as AlertDialog from '@radix-ui/react-alert-dialog'
import * as Dialog from '@radix-ui/react-dialog'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { openerForDialog, returnFocus } from './focusReturn.js'
import { useFocusInvalidField } from './useFocusInvalidField.js'

interface Props {
  title: string
  onClose(): void
  children: ReactNode
  className?: string
  /**
   * A question before something that cannot be undone: Radix AlertDialog (role alertdialog;
   * a click outside does not close it, so it is answered on purpose). Escape still cancels.
   */
  alert?: boolean
}

/**
 * A modal dialog on Radix Dialog (focus moves in and stays in, Escape and a click outside
 * close, the rest of the page is hidden from assistive technology while it is open). Focus
 * goes back to whatever opened it, even from a menu, which Radix alone cannot know
 * (focusReturn.ts); a field that main refuses takes focus (useFocusInvalidField.ts).
 */
export function Modal({ title, onClose, children, className, alert = false }: Props) {
  const Kind = alert ? AlertDialog : Dialog
  const box = useRef<HTMLDivElement | null>(null)
  // The content mounts a render after the dialog (Radix's portal waits for the page): watched once it is there.
  const [content, setContent] = useState<HTMLDivElement | null>(null)
  // Taken once, as the dialog first renders: by the time Radix moves focus in, the opener has lost it.
  const [opener] = useState(openerForDialog)
  useFocusInvalidField(content)
  useEffect(() => {
    // Where the opener sat, for a fallback should it go while the dialog is open (focusReturn.ts).
    const region = opener?.closest('main, aside, [role="region"], [role="tabpanel"], section') ?? null
    // Unmounting (the usual way these dialogs close) gives focus back here, not in Radix's own close path.
    return () => returnFocus(opener, region)
  }, [opener])

  return (
    <Kind.Root open onOpenChange={(open) => !open && onClose()}>
      <Kind.Portal>
        {/* A plain backdrop, not Radix's Overlay: that one injects a <style> element, which the app's CSP (style-src 'self') refuses. */}
        <div className="modal-backdrop">
          <Kind.Content
            ref={(el) => {
              box.current = el
              setContent(el)
            }}
            className={className ? `modal ${className}` : 'modal'}
            aria-describedby={undefined}
            onOpenAutoFocus={(e) => {
              // A dialog may name where focus starts (the field a person types in first); else the first control.
              e.preventDefault()
              const first = box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? box.current?.querySelector<HTMLElement>('input, select, textarea, button')
              ;(first ?? box.current)?.focus()
            }}
            onCloseAutoFocus={(e) => e.preventDefault()}
            // A field that closes itself on Escape (data-own-escape) keeps the key: Radix hears it first, on the document.
            onEscapeKeyDown={(e) => (e.target as HTMLElement | null)?.closest?.('[data-own-escape]') && e.preventDefault()}
            onKeyDown={(e) => {
              // Escape is this dialog's: the grid or viewer under it must not act on it too.
              if (e.key === 'Escape') e.stopPropagation()
              if (e.key === 'Tab') wrapTab(e, box.current)
            }}
          >
            <Kind.Title className="modal-title">{title}</Kind.Title>
            {children}
          </Kind.Content>
        </div>
      </Kind.Portal>
    </Kind.Root>
  )
}

/**
 * Tab wraps at the ends, with a roving-tabindex group (tabs, toolbars) as one stop: Radix's
 * trap does not see that shift+Tab from a tab leaves its group, and would keep focus there.
 */
function wrapTab(e: React.KeyboardEvent, box: HTMLElement | null): void {
  const focusable = [...(box?.querySelectorAll<HTMLElement>('input, select, textarea, button, [tabindex="0"]') ?? [])].filter((el) => !el.hasAttribute('disabled') && el.tabIndex >= 0)
  if (focusable.length === 0) return
  const first = focusable[0]
  const last = focusable[focusable.length - 1]
  if (e.shiftKey && (document.activeElement === first || first.contains(document.activeElement))) {
    e.preventDefault()
    last.focus()
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault()
    first.focus()
  }
}
