import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import type { IconProps } from './icons.js'
import { MoreIcon } from './collections/MoreIcon.js'

export interface RowMenuItem {
  key: string
  label: string
  Icon(props: IconProps): React.ReactNode
  danger?: boolean
  run(): void
}

/**
 * A sidebar row's menu button and menu (ARIA menu button pattern): arrows move, Escape and Tab
 * close, focus returns to the button. Used by media collections and smart collections alike.
 */
export function RowMenu({ label, items, open, onOpenChange }: { label: string; items: RowMenuItem[]; open: boolean; onOpenChange(open: boolean): void }) {
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLUListElement>(null)
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null)

  useLayoutEffect(() => {
    if (!open) return setPlace(null)
    const r = button.current?.getBoundingClientRect()
    if (r) setPlace({ top: Math.min(r.bottom + 4, window.innerHeight - 44 * items.length - 16), left: r.left })
  }, [open, items.length])

  const onOpenChangeRef = useRef(onOpenChange)
  onOpenChangeRef.current = onOpenChange

  useEffect(() => {
    if (!open || !place) return
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    const outside = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) onOpenChangeRef.current(false)
    }
    document.addEventListener('mousedown', outside)
    return () => document.removeEventListener('mousedown', outside)
  }, [open, place])

  const close = () => {
    onOpenChange(false)
    button.current?.focus()
  }

  const onKeyDown = (e: KeyboardEvent) => {
    const all = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const at = all.indexOf(document.activeElement as HTMLElement)
    const go = (i: number) => all[(i + all.length) % all.length]?.focus()
    if (e.key === 'ArrowDown') go(at + 1)
    else if (e.key === 'ArrowUp') go(at - 1)
    else if (e.key === 'Home') go(0)
    else if (e.key === 'End') go(all.length - 1)
    else if (e.key === 'Escape') {
      e.stopPropagation()
      close()
    } else if (e.key === 'Tab') onOpenChange(false)
    else return
    if (e.key !== 'Tab') e.preventDefault()
  }

  if (items.length === 0) return null
  return (
    <>
      <button
        ref={button}
        type="button"
        className="icon-button collection-more"
        aria-label={label}
        title="Actions"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => onOpenChange(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault()
            onOpenChange(true)
          }
        }}
      >
        <MoreIcon size={18} />
      </button>
      {open &&
        place &&
        createPortal(
          <ul ref={menu} className="collection-menu" role="menu" aria-label={label} style={{ position: 'fixed', top: place.top, left: place.left }} onKeyDown={onKeyDown}>
            {items.map(({ key, label: itemLabel, Icon, danger, run }) => (
              <li key={key} role="none">
                <button
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className={danger ? 'collection-menu-item is-danger' : 'collection-menu-item'}
                  onClick={() => {
                    close()
                    run()
                  }}
                >
                  <Icon size={16} />
                  <span>{itemLabel}</span>
                </button>
              </li>
            ))}
          </ul>,
          document.body,
        )}
    </>
  )
}
