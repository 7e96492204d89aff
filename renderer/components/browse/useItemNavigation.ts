import type { KeyboardEvent, MouseEvent } from 'react'
import type { Id } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { offers } from '../menu/assetActions.js'
import { holdAssets, pasteAssets } from '../../store/assetClipboard.js'

interface Options {
  ids: Id[]
  /** Items per row: 1 in the list, the column count in the grid (Up and Down move by a row). */
  columns: number
  /** Items a Page Up or Page Down moves by. */
  pageSize: number
  scrollToIndex(index: number): void
  /** The DOM element of an item, where the keyboard opens the context menu. */
  itemElement(id: Id): HTMLElement | null
}

const selectedAssets = (): AssetView[] => {
  const s = useTrove.getState()
  return s.selection.map((id) => s.byId[id]).filter((a): a is AssetView => !!a)
}

/**
 * Keyboard and mouse for the grid and the list alike (WAI-ARIA listbox with multiple
 * selection): arrows move and select, shift extends from the anchor, ctrl/cmd moves without
 * selecting and Ctrl+Space toggles, Ctrl+A selects all, Ctrl+C or X and then V copy or move
 * the selection into the folder on show, Enter opens a folder and Enter or Space
 * opens a file in the full-window viewer, Delete sends the selection to the trash (with
 * Undo) when every selected item allows it, F2 renames, and the Menu key (or Shift+F10)
 * opens the context menu on the active item, as a right-click would.
 */
export function useItemNavigation({ ids, columns, pageSize, scrollToIndex, itemElement }: Options) {
  /** A folder opens in the centre; a file opens in the full-window viewer over this view. */
  const open = (id: Id) => {
    const asset = useTrove.getState().byId[id]
    if (asset?.kind === 'folder') void useTrove.getState().openFolder(id)
    else if (asset) useTrove.getState().openViewer(id)
  }

  const onKeyDown = (e: KeyboardEvent) => {
    const s = useTrove.getState()
    const current = s.activeId ? ids.indexOf(s.activeId) : -1
    const mod = e.ctrlKey || e.metaKey
    const moveTo = (index: number) => {
      if (ids.length === 0) return
      const target = Math.max(0, Math.min(ids.length - 1, index))
      const id = ids[target]
      if (e.shiftKey) s.select(id, mod ? 'addRange' : 'range')
      else if (mod) s.setActive(id)
      else s.select(id)
      scrollToIndex(target)
    }
    const from = current < 0 ? -1 : current
    switch (e.key) {
      case 'ArrowRight':
        if (columns === 1) return
        moveTo(from + 1)
        break
      case 'ArrowLeft':
        if (columns === 1) return
        moveTo(current < 0 ? 0 : current - 1)
        break
      case 'ArrowDown':
        moveTo(current < 0 ? 0 : current + columns)
        break
      case 'ArrowUp':
        moveTo(current < 0 ? 0 : current - columns)
        break
      case 'PageDown':
        moveTo(current < 0 ? 0 : current + pageSize)
        break
      case 'PageUp':
        moveTo(current < 0 ? 0 : current - pageSize)
        break
      case 'Home':
        moveTo(0)
        break
      case 'End':
        moveTo(ids.length - 1)
        break
      case ' ':
        // Space looks at the file the keyboard is on, as Quick Look does; with Ctrl/Cmd it toggles.
        if (current < 0) moveTo(0)
        else if (mod) s.select(ids[current], 'toggle')
        else {
          s.select(ids[current], 'replace')
          if (s.byId[ids[current]]?.kind === 'file') s.openViewer(ids[current])
        }
        break
      case 'Enter':
        if (current >= 0) open(ids[current])
        break
      case 'a':
      case 'A':
        if (!mod) return
        s.selectAll()
        break
      case 'c':
      case 'C':
      case 'x':
      case 'X': {
        if (!mod) return
        const assets = selectedAssets()
        const mode = e.key.toLowerCase() === 'c' ? 'copy' : 'move'
        if (!offers(assets, mode)) return
        holdAssets(mode, assets.map((a) => a.id))
        break
      }
      case 'v':
      case 'V':
        if (!mod) return
        void pasteAssets()
        break
      case 'Escape':
        if (s.selection.length === 0) return
        s.clearSelection()
        break
      case 'Delete':
      case 'Backspace': {
        // As in a file manager: the key sends to the trash at once, and the notice offers Undo
        // (the trash keeps everything whole, docs/trash.md). The menu's "Delete…" still asks.
        const assets = selectedAssets()
        if (!offers(assets, 'delete')) return
        s.deleteAssets(assets.map((a) => a.id)).catch((error: unknown) => useTrove.getState().reportError(error))
        break
      }
      case 'ContextMenu':
      case 'F10': {
        if (e.key === 'F10' && !e.shiftKey) return
        const id = current >= 0 ? ids[current] : null
        const el = id ? itemElement(id) : null
        if (!id || !el) return
        if (!s.selection.includes(id)) s.select(id)
        const box = el.getBoundingClientRect()
        el.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 }))
        break
      }
      case 'F2': {
        const assets = selectedAssets()
        if (!offers(assets, 'rename')) return
        s.startRename(assets[0].id)
        break
      }
      default:
        return
    }
    e.preventDefault()
    e.stopPropagation()
  }

  const onItemClick = (id: Id, e: MouseEvent) => {
    const mod = e.ctrlKey || e.metaKey
    if (e.shiftKey) useTrove.getState().select(id, mod ? 'addRange' : 'range')
    else useTrove.getState().select(id, mod ? 'toggle' : 'replace')
  }

  /** A right-click on an item outside the selection selects it, as file managers do. */
  const onItemContextMenu = (id: Id) => {
    if (!useTrove.getState().selection.includes(id)) useTrove.getState().select(id)
  }

  /** A click on empty space clears the selection; a right-click there offers folder actions. */
  const onBackgroundPointer = (e: MouseEvent) => {
    if (e.target === e.currentTarget || (e.target as HTMLElement).dataset.background !== undefined) useTrove.getState().clearSelection()
  }

  return { onKeyDown, onItemClick, onItemDoubleClick: open, onItemContextMenu, onBackgroundPointer }
}
