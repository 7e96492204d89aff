import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useTrove } from '../store/index.js'
import * as ContextMenu from '@radix-ui/react-context-menu'
import { ChevronIcon, FolderIcon, HomeIcon, ShareIcon } from './icons.js'
import { isHome } from '../../shared/home.js'
import { TreeFolderMenuItems } from './menu/TreeFolderMenuItems.js'
import { treeRows, type TreeRow } from './treeRows.js'
import { useFolderDrop } from './browse/dragAssets.js'

/**
 * The folder tree (WAI-ARIA tree pattern): one tab stop, arrow keys move and expand, children
 * load when a folder is first opened. A restricted user's tree starts at what is shared with
 * them (docs/permissions.md), because those are the roots main gives.
 */
export function FolderTree() {
  const input = useTrove(useShallow((s) => ({ rootIds: s.rootIds, childIds: s.childIds, expanded: s.expanded, loadingIds: s.loadingIds, byId: s.byId })))
  const folderId = useTrove((s) => s.folderId)
  const rootsLoaded = useTrove((s) => s.rootsLoaded)
  const rows = useMemo(() => treeRows(input), [input])
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const [menuFor, setMenuFor] = useState<string | null>(null)
  const items = useRef(new Map<string, HTMLLIElement>())
  const moved = useRef(false)
  const trail = useTrove((s) => s.trail)

  // The tree opens down to the folder on show (a link, a search hit, a double-click in the centre).
  useEffect(() => {
    const { expanded, setExpanded } = useTrove.getState()
    for (const id of trail) if (!expanded[id]) void setExpanded(id, true)
  }, [trail])
  useEffect(() => {
    if (folderId) items.current.get(folderId)?.scrollIntoView?.({ block: 'nearest' })
  }, [folderId, rows.length])

  // The tab stop: the focused row, else the open folder, else the first row.
  const tabStop = rows.find((r) => r.id === focusedId)?.id ?? rows.find((r) => r.id === folderId)?.id ?? rows[0]?.id

  useEffect(() => {
    if (!moved.current || !focusedId) return
    moved.current = false
    items.current.get(focusedId)?.focus()
  }, [focusedId, rows])

  const focus = (row: TreeRow | undefined) => {
    if (!row) return
    moved.current = true
    setFocusedId(row.id)
  }

  const onKeyDown = (e: KeyboardEvent, row: TreeRow) => {
    const { setExpanded, openFolder } = useTrove.getState()
    const i = rows.indexOf(row)
    switch (e.key) {
      case 'ArrowDown':
        focus(rows[i + 1])
        break
      case 'ArrowUp':
        focus(rows[i - 1])
        break
      case 'Home':
        focus(rows[0])
        break
      case 'End':
        focus(rows[rows.length - 1])
        break
      case 'ArrowRight':
        if (row.expandable && !row.expanded) void setExpanded(row.id, true)
        else if (row.expanded && rows[i + 1]?.parentId === row.id) focus(rows[i + 1])
        break
      case 'ArrowLeft':
        if (row.expanded) void setExpanded(row.id, false)
        else focus(rows.find((r) => r.id === row.parentId))
        break
      case 'Enter':
      case ' ':
        void openFolder(row.id)
        break
      case 'ContextMenu':
      case 'F10': {
        if (e.key === 'F10' && !e.shiftKey) return
        // The keyboard opens the same menu a right-click does, at the folder.
        const el = items.current.get(row.id)
        if (!el) return
        const box = el.getBoundingClientRect()
        el.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: box.left + Math.min(box.width / 2, 48), clientY: box.top + box.height / 2 }))
        break
      }
      default:
        return
    }
    e.preventDefault()
    e.stopPropagation()
  }

  if (rootsLoaded && rows.length === 0) {
    return (
      <nav className="tree-empty" aria-label="Folders">
        <p>No folders to show.</p>
      </nav>
    )
  }

  const menuFolder = menuFor ? input.byId[menuFor] : undefined
  return (
    <ContextMenu.Root modal={false} onOpenChange={(open) => !open && setMenuFor(null)}>
      <ContextMenu.Trigger
        asChild
        onContextMenu={(e) => {
          // Only a folder has a menu here; elsewhere in the tree neither ours nor the browser's opens.
          if (!(e.target as HTMLElement).closest('[role="treeitem"]')) e.preventDefault()
        }}
      >
        <ul className="tree" role="tree" aria-label="Folders">
          {rows.map((row) => (
            <TreeItem
              key={row.id}
              row={row}
              selected={row.id === folderId}
              tabStop={row.id === tabStop}
              itemRef={(el) => {
                if (el) items.current.set(row.id, el)
                else items.current.delete(row.id)
              }}
              onFocus={() => setFocusedId(row.id)}
              onKeyDown={(e) => onKeyDown(e, row)}
              onContextMenu={() => setMenuFor(row.id)}
            />
          ))}
        </ul>
      </ContextMenu.Trigger>
      <ContextMenu.Portal>
        <ContextMenu.Content className="menu" aria-label={`Actions for ${menuFolder ? (isHome(menuFolder) ? 'Home' : menuFolder.name) : 'folder'}`} collisionPadding={8} loop>
          {menuFor && <TreeFolderMenuItems folderId={menuFor} />}
        </ContextMenu.Content>
      </ContextMenu.Portal>
    </ContextMenu.Root>
  )
}

interface ItemProps {
  row: TreeRow
  selected: boolean
  tabStop: boolean
  itemRef(el: HTMLLIElement | null): void
  onFocus(): void
  onKeyDown(e: KeyboardEvent): void
  onContextMenu(): void
}

/** One folder of the tree; assets dragged onto it move (or copy) there, files from the desktop upload there. */
function TreeItem({ row, selected, tabStop, itemRef, onFocus, onKeyDown, onContextMenu }: ItemProps) {
  const folder = useTrove((s) => s.byId[row.id])
  const { over, dropProps } = useFolderDrop(folder)
  return (
    <li
      ref={itemRef}
      role="treeitem"
      className={`tree-item${over ? ' is-drop-target' : ''}`}
      aria-level={row.level}
      aria-label={row.name}
      aria-describedby={row.shared ? `tree-shared-${row.id}` : undefined}
      aria-posinset={row.posinset}
      aria-setsize={row.setsize}
      aria-expanded={row.expandable ? row.expanded : undefined}
      aria-selected={selected}
      aria-busy={row.loading || undefined}
      tabIndex={tabStop ? 0 : -1}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
      onClick={() => void useTrove.getState().openFolder(row.id)}
      onContextMenu={onContextMenu}
      {...dropProps}
    >
      <span className="tree-row" style={{ paddingInlineStart: `${(row.level - 1) * 16 + 6}px` }}>
        <span
          className={`tree-twisty${row.expanded ? ' is-open' : ''}`}
          aria-hidden="true"
          onClick={(e) => {
            e.stopPropagation()
            if (row.expandable) void useTrove.getState().setExpanded(row.id, !row.expanded)
          }}
        >
          {row.expandable && <ChevronIcon size={14} />}
        </span>
        {row.home ? <HomeIcon size={17} className="tree-icon" /> : <FolderIcon size={17} className="tree-icon" />}
        <span className="tree-label">{row.name}</span>
        {row.shared && (
          // The row's name stays the folder's own (what people and tests look it up by); "Shared" is its description.
          <span className="shared-badge" title="Shared">
            <ShareIcon size={13} />
            <span className="visually-hidden" id={`tree-shared-${row.id}`}>Shared</span>
          </span>
        )}
      </span>
    </li>
  )
}
