import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import type { CollectionView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { DownloadIcon, PencilIcon, TrashIcon } from '../actionIcons.js'
import { ShareIcon } from '../icons.js'
import { ACTION_LABELS, collectionActions, type CollectionAction } from './collectionActions.js'
import { MoreIcon } from './MoreIcon.js'

const ICONS: Record<CollectionAction, typeof ShareIcon> = { downloadZip: DownloadIcon, share: ShareIcon, rename: PencilIcon, delete: TrashIcon }

/** Carries out a collection action: each opens its dialog (the zip dialog belongs to downloads). */
export function runCollectionAction(action: CollectionAction, collection: CollectionView): void {
  const { openDialog } = useTrove.getState()
  switch (action) {
    case 'downloadZip':
      return openDialog({ kind: 'downloadZip', collectionId: collection.id })
    case 'share':
      return openDialog({ kind: 'share', resourceId: collection.id, resourceType: 'collection' })
    case 'rename':
      return openDialog({ kind: 'renameCollection', collectionId: collection.id })
    case 'delete':
      return openDialog({ kind: 'deleteCollection', collectionId: collection.id })
  }
}

/**
 * A collection's menu button and menu (ARIA menu button pattern): arrows move, Escape and Tab
 * close, focus returns to the button. Only the actions the collection table allows at the
 * user's level are listed, so a view-only user is offered the zip download alone.
 */
export function CollectionMenu({ collection, open, onOpenChange }: { collection: CollectionView; open: boolean; onOpenChange(open: boolean): void }) {
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLUListElement>(null)
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null)
  const actions = collectionActions(collection)

  useLayoutEffect(() => {
    if (!open) return setPlace(null)
    const r = button.current?.getBoundingClientRect()
    if (r) setPlace({ top: Math.min(r.bottom + 4, window.innerHeight - 44 * actions.length - 16), left: r.left })
  }, [open, actions.length])

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
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLElement)
    const go = (i: number) => items[(i + items.length) % items.length]?.focus()
    if (e.key === 'ArrowDown') go(at + 1)
    else if (e.key === 'ArrowUp') go(at - 1)
    else if (e.key === 'Home') go(0)
    else if (e.key === 'End') go(items.length - 1)
    else if (e.key === 'Escape') {
      e.stopPropagation()
      close()
    } else if (e.key === 'Tab') onOpenChange(false)
    else return
    if (e.key !== 'Tab') e.preventDefault()
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className="icon-button collection-more"
        aria-label={`Actions for ${collection.name}`}
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
          <ul ref={menu} className="collection-menu" role="menu" aria-label={`Actions for ${collection.name}`} style={{ position: 'fixed', top: place.top, left: place.left }} onKeyDown={onKeyDown}>
            {actions.map((a) => {
              const Icon = ICONS[a]
              return (
                <li key={a} role="none">
                  <button
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    className={a === 'delete' ? 'collection-menu-item is-danger' : 'collection-menu-item'}
                    onClick={() => {
                      close()
                      runCollectionAction(a, collection)
                    }}
                  >
                    <Icon size={16} />
                    <span>{ACTION_LABELS[a]}</span>
                  </button>
                </li>
              )
            })}
          </ul>,
          document.body,
        )}
    </>
  )
}
