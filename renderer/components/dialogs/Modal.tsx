import { useEffect, useId, useRef, type ReactNode } from 'react'
import { openerForDialog, returnFocus } from './focusReturn.js'

/**
 * A modal dialog: labelled by its title, focus moves in and stays in (Tab cycles), Escape
 * closes, and focus returns to whatever opened it, even from a menu (focusReturn.ts).
 */
export function Modal({ title, onClose, children, className }: { title: string; onClose(): void; children: ReactNode; className?: string }) {
  const titleId = useId()
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const opener = openerForDialog()
    // Where the opener sat, for a fallback should it go while the dialog is open (focusReturn.ts).
    const region = opener?.closest('main, aside, [role="region"], [role="tabpanel"], section') ?? null
    // A dialog may name where focus starts (the field a person types in first); else the first control.
    const first = box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? box.current?.querySelector<HTMLElement>('input, select, textarea, button')
    first?.focus()
    return () => returnFocus(opener, region)
  }, [])

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className={className ? `modal ${className}` : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation()
            onClose()
          }
          if (e.key === 'Tab') trapTab(e, box.current)
        }}
      >
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  )
}

function trapTab(e: React.KeyboardEvent, box: HTMLElement | null): void {
  const focusable = [...(box?.querySelectorAll<HTMLElement>('input, select, textarea, button, [tabindex="0"]') ?? [])].filter((el) => !el.hasAttribute('disabled') && el.tabIndex >= 0)
  if (focusable.length === 0) return
  const first = focusable[0]
  const last = focusable[focusable.length - 1]
  // A roving-tabindex group (tabs, toolbars) is one stop: back out of it from inside it too.
  if (e.shiftKey && (document.activeElement === first || first.contains(document.activeElement))) {
    e.preventDefault()
    last.focus()
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault()
    first.focus()
  }
}
