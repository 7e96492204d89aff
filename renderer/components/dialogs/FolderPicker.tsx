import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Id } from '../../../shared/domain.js'
import { useTrove } from '../../store/index.js'
import { ChevronIcon, FolderIcon, HomeIcon } from '../icons.js'
import { treeRows, type TreeRow } from '../treeRows.js'

interface Props {
  label: string
  value: Id | null
  onChange(id: Id): void
  /** Why a folder cannot be chosen, or null when it can. */
  reasonDisabled(id: Id): string | null
}

/**
 * A folder tree to choose a destination in: the sidebar's loaded folders (and its lazy
 * loading), with its own expanded state so that browsing here leaves the sidebar as it was.
 */
export function FolderPicker({ label, value, onChange, reasonDisabled }: Props) {
  const base = useTrove(useShallow((s) => ({ rootIds: s.rootIds, childIds: s.childIds, loadingIds: s.loadingIds, byId: s.byId })))
  const [expanded, setExpanded] = useState<Record<Id, boolean>>(() => Object.fromEntries(base.rootIds.map((id) => [id, true])))
  const rows = useMemo(() => treeRows({ ...base, expanded }), [base, expanded])
  const [focusedId, setFocusedId] = useState<Id | null>(null)
  const items = useRef(new Map<Id, HTMLLIElement>())
  const tabStop = rows.find((r) => r.id === focusedId)?.id ?? rows.find((r) => r.id === value)?.id ?? rows[0]?.id

  useEffect(() => {
    for (const id of Object.keys(expanded)) if (expanded[id] && !base.childIds[id]) void useTrove.getState().loadChildren(id)
  }, [expanded, base.childIds])

  const toggle = (row: TreeRow, open: boolean) => setExpanded((e) => ({ ...e, [row.id]: open }))
  const focus = (row: TreeRow | undefined) => {
    if (!row) return
    setFocusedId(row.id)
    items.current.get(row.id)?.focus()
  }
  const choose = (row: TreeRow) => {
    if (!reasonDisabled(row.id)) onChange(row.id)
  }

  const onKeyDown = (e: KeyboardEvent, row: TreeRow) => {
    const i = rows.indexOf(row)
    switch (e.key) {
      case 'ArrowDown':
        focus(rows[i + 1])
        break
      case 'ArrowUp':
        focus(rows[i - 1])
        break
      case 'ArrowRight':
        if (row.expandable && !row.expanded) toggle(row, true)
        else focus(rows[i + 1]?.parentId === row.id ? rows[i + 1] : undefined)
        break
      case 'ArrowLeft':
        if (row.expanded) toggle(row, false)
        else focus(rows.find((r) => r.id === row.parentId))
        break
      case ' ':
      case 'Enter':
        choose(row)
        break
      default:
        return
    }
    e.preventDefault()
    e.stopPropagation()
  }

  return (
    <ul className="tree picker" role="tree" aria-label={label}>
      {rows.map((row) => {
        const reason = reasonDisabled(row.id)
        return (
          <li
            key={row.id}
            ref={(el) => {
              if (el) items.current.set(row.id, el)
              else items.current.delete(row.id)
            }}
            role="treeitem"
            className="tree-item"
            aria-level={row.level}
            aria-expanded={row.expandable ? row.expanded : undefined}
            aria-selected={row.id === value}
            aria-disabled={reason ? true : undefined}
            title={reason ?? undefined}
            tabIndex={row.id === tabStop ? 0 : -1}
            onFocus={() => setFocusedId(row.id)}
            onKeyDown={(e) => onKeyDown(e, row)}
            onClick={() => choose(row)}
          >
            <span className="tree-row" style={{ paddingInlineStart: `${(row.level - 1) * 16 + 6}px` }}>
              <span
                className={`tree-twisty${row.expanded ? ' is-open' : ''}`}
                aria-hidden="true"
                onClick={(e) => {
                  e.stopPropagation()
                  if (row.expandable) toggle(row, !row.expanded)
                }}
              >
                {row.expandable && <ChevronIcon size={14} />}
              </span>
              {row.home ? <HomeIcon size={17} className="tree-icon" /> : <FolderIcon size={17} className="tree-icon" />}
              <span className="tree-label">{row.name}</span>
              {reason && <span className="tree-note">{reason}</span>}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
