import { useId, useMemo, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { Id } from '../../shared/domain.js'
import { useTrove } from '../store/index.js'
import { selectShownIds } from '../store/shownItems.js'
import { AssetRow } from './browse/AssetRow.js'
import { ListHeader } from './browse/ListHeader.js'
import { observeWithFallback, useElementSize } from './browse/useElementSize.js'
import { useItemNavigation } from './browse/useItemNavigation.js'
import { useFocusAfterRename } from './browse/useFocusAfterRename.js'
import { useScrollTopOnNewSource } from './browse/useScrollTopOnNewSource.js'
import { useLoadMoreNearEnd } from './browse/useLoadMoreNearEnd.js'

const ROW_HEIGHT = 40

/**
 * The centre as a table with sortable columns (a WAI-ARIA grid of rows). Virtualised like the
 * grid: only the rows in view are in the DOM; the header stays put above them.
 */
export function AssetList({ label }: { label: string }) {
  const ids = useTrove(selectShownIds)
  const byId = useTrove((s) => s.byId)
  const selection = useTrove((s) => s.selection)
  const activeId = useTrove((s) => s.activeId)
  const renamingId = useTrove((s) => s.renamingId)
  const showPath = useTrove((s) => !!s.search)
  const selected = useMemo(() => new Set(selection), [selection])
  const box = useRef<HTMLDivElement>(null)
  const scroller = useRef<HTMLDivElement>(null)
  const prefix = useId()
  const rowId = (id: Id) => `${prefix}-${id}`
  const { height } = useElementSize(scroller)

  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    observeElementRect: observeWithFallback,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  })
  const nav = useItemNavigation({
    ids,
    columns: 1,
    pageSize: Math.max(1, Math.floor(height / ROW_HEIGHT) - 1),
    scrollToIndex: (i) => virtualizer.scrollToIndex(i, { align: 'auto' }),
    itemElement: (id) => document.getElementById(rowId(id)),
  })
  const onRenameDone = useFocusAfterRename(box)

  useScrollTopOnNewSource(scroller)
  const rows = virtualizer.getVirtualItems()
  useLoadMoreNearEnd(rows.length ? rows[rows.length - 1].index : -1, ids.length, 10)

  const active = activeId && ids.includes(activeId) ? activeId : null

  return (
    <div
      ref={box}
      className="list"
      role="grid"
      aria-label={label}
      aria-multiselectable="true"
      aria-rowcount={ids.length + 1}
      aria-colcount={5}
      aria-activedescendant={active ? rowId(active) : undefined}
      tabIndex={0}
      onKeyDown={nav.onKeyDown}
    >
      <ListHeader />
      <div ref={scroller} role="rowgroup" className="list-body" data-background="" onClick={nav.onBackgroundPointer} onContextMenu={nav.onBackgroundPointer}>
        <div className="list-sizer" role="presentation" data-background="" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => {
            const id = ids[row.index]
            const asset = byId[id]
            if (!asset) return null
            return (
              <AssetRow
                key={id}
                asset={asset}
                optionId={rowId(id)}
                rowIndex={row.index + 2}
                style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                showPath={showPath}
                selected={selected.has(id)}
                active={id === active}
                renaming={id === renamingId}
                posinset={row.index + 1}
                setsize={ids.length}
                onClick={(e) => nav.onItemClick(id, e)}
                onDoubleClick={() => nav.onItemDoubleClick(id)}
                onContextMenu={() => nav.onItemContextMenu(id)}
                onRenameDone={onRenameDone}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
}
