import { useId, useLayoutEffect, useMemo, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { Id } from '../../shared/domain.js'
import { useTrove } from '../store/index.js'
import { selectShownIds } from '../store/shownItems.js'
import { AssetTile } from './AssetTile.js'
import { observeWithFallback, useElementSize } from './browse/useElementSize.js'
import { useItemNavigation } from './browse/useItemNavigation.js'
import { useFocusAfterRename } from './browse/useFocusAfterRename.js'
import { useScrollTopOnNewSource } from './browse/useScrollTopOnNewSource.js'
import { useLoadMoreNearEnd } from './browse/useLoadMoreNearEnd.js'
import { useRubberBand } from './browse/useRubberBand.js'

const GAP = 16
const PAD = 24
/** Name and meta lines under the picture. */
const TEXT_HEIGHT = 58

/**
 * The centre as tiles. Only the rows in view (and a few either side) are in the DOM, so a
 * folder of 100,000 files scrolls as smoothly as one of ten. A listbox whose active item is
 * named by aria-activedescendant, because the focused item may be scrolled out of the DOM.
 */
export function AssetGrid({ label }: { label: string }) {
  const ids = useTrove(selectShownIds)
  const byId = useTrove((s) => s.byId)
  const selection = useTrove((s) => s.selection)
  const activeId = useTrove((s) => s.activeId)
  const renamingId = useTrove((s) => s.renamingId)
  const searching = useTrove((s) => !!s.search)
  const minTile = useTrove((s) => s.tileSize)
  const fit = useTrove((s) => s.tileFit)
  const selected = useMemo(() => new Set(selection), [selection])
  const scroller = useRef<HTMLDivElement>(null)
  const prefix = useId()
  const optionId = (id: Id) => `${prefix}-${id}`
  const { width, height } = useElementSize(scroller)

  const columns = Math.max(1, Math.floor((width - 2 * PAD + GAP) / (minTile + GAP)))
  const tileWidth = width > 0 ? (width - 2 * PAD - (columns - 1) * GAP) / columns : minTile
  const rowHeight = Math.round((tileWidth * 3) / 4 + TEXT_HEIGHT + GAP)
  const rowCount = Math.ceil(ids.length / columns)

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    observeElementRect: observeWithFallback,
    estimateSize: () => rowHeight,
    paddingStart: PAD - 4,
    paddingEnd: PAD,
    overscan: 2,
  })
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, rowHeight])

  const nav = useItemNavigation({
    ids,
    columns,
    pageSize: columns * Math.max(1, Math.floor(height / rowHeight)),
    scrollToIndex: (i) => virtualizer.scrollToIndex(Math.floor(i / columns), { align: 'auto' }),
    itemElement: (id) => document.getElementById(optionId(id)),
  })
  const onRenameDone = useFocusAfterRename(scroller)

  useScrollTopOnNewSource(scroller)
  const rows = virtualizer.getVirtualItems()
  useLoadMoreNearEnd(rows.length ? rows[rows.length - 1].index : -1, rowCount, 3)

  const active = activeId && ids.includes(activeId) ? activeId : null
  // Rows in view, without the overscan either side: their pictures are asked for first.
  const visible = virtualizer.range
  const rubber = useRubberBand(scroller, ids, { columns, tileWidth, tileHeight: rowHeight - GAP, rowHeight, gap: GAP, left: PAD, top: PAD - 4 })

  return (
    <div
      ref={scroller}
      className="grid-scroll"
      role="listbox"
      aria-label={label}
      aria-multiselectable="true"
      aria-activedescendant={active ? optionId(active) : undefined}
      tabIndex={0}
      onKeyDown={nav.onKeyDown}
      onClick={(e) => {
        if (!rubber.endedBand()) nav.onBackgroundPointer(e)
      }}
      onContextMenu={nav.onBackgroundPointer}
      onPointerDown={rubber.onPointerDown}
      onPointerMove={rubber.onPointerMove}
      onPointerUp={rubber.onPointerUp}
      onPointerCancel={rubber.onPointerCancel}
      data-background=""
      data-fit={fit}
    >
      <div className="grid-sizer" role="presentation" data-background="" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => (
          <div
            key={row.key}
            role="presentation"
            className="grid-row"
            data-background=""
            style={{ transform: `translateY(${row.start}px)`, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, height: rowHeight - GAP }}
          >
            {ids.slice(row.index * columns, row.index * columns + columns).map((id, i) => {
              const asset = byId[id]
              if (!asset) return null
              return (
                <AssetTile
                  key={id}
                  asset={asset}
                  optionId={optionId(id)}
                  selected={selected.has(id)}
                  active={id === active}
                  renaming={id === renamingId}
                  posinset={row.index * columns + i + 1}
                  setsize={ids.length}
                  onClick={(e) => nav.onItemClick(id, e)}
                  onDoubleClick={() => nav.onItemDoubleClick(id)}
                  onContextMenu={() => nav.onItemContextMenu(id)}
                  onRenameDone={onRenameDone}
                  showFolder={searching}
                  onScreen={!visible || (row.index >= visible.startIndex && row.index <= visible.endIndex)}
                />
              )
            })}
          </div>
        ))}
        {rubber.band && (
          <div className="rubber-band" aria-hidden="true" style={{ left: rubber.band.x, top: rubber.band.y, width: rubber.band.width, height: rubber.band.height }} />
        )}
      </div>
    </div>
  )
}
