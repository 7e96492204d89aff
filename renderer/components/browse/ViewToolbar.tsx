import { useEffect } from 'react'
import { useTrove } from '../../store/index.js'
import { TILE_MAX, TILE_MIN, type SortKey } from '../../store/viewSlice.js'
import { ArrowDownIcon, ArrowUpIcon, GridIcon, ListIcon } from '../actionIcons.js'
import { COLUMNS } from './ListHeader.js'

/** Grid or list, and the order (the list's column headers sort too). */
export function ViewToolbar() {
  const viewMode = useTrove((s) => s.viewMode)
  const sort = useTrove((s) => s.sort)
  const tileSize = useTrove((s) => s.tileSize)
  const tileFit = useTrove((s) => s.tileFit)
  const actor = useTrove((s) => s.session?.user.id)
  const { setViewMode, setSort, openDialog, setTileSize, setTileFit } = useTrove.getState()
  // Each user's grid settings are their own (kept in this browser): who acts now brings theirs.
  useEffect(() => useTrove.getState().loadGridPrefs(), [actor])
  const findDuplicates = () => {
    const { folderId } = useTrove.getState()
    openDialog(folderId ? { kind: 'duplicates', folderId } : { kind: 'duplicates' })
  }
  return (
    <div className="view-toolbar">
      <button
        type="button"
        className="button button-small"
        title="Files with the same content, and pictures that look the same, in this folder and below"
        onClick={findDuplicates}
      >
        Find duplicates
      </button>
      {viewMode === 'grid' && (
        <>
          <label className="tile-size" title="Tile size">
            <span className="visually-hidden">Tile size</span>
            <GridIcon size={14} />
            <input type="range" min={TILE_MIN} max={TILE_MAX} step={8} value={tileSize} onChange={(e) => setTileSize(Number(e.target.value))} aria-label="Tile size" />
          </label>
          <div className="segmented" role="radiogroup" aria-label="Pictures in tiles">
            <button type="button" role="radio" aria-checked={tileFit === 'fit'} className="segmented-button segmented-text" title="Show the whole picture" onClick={() => setTileFit('fit')}>
              Fit
            </button>
            <button type="button" role="radio" aria-checked={tileFit === 'fill'} className="segmented-button segmented-text" title="Fill the tile, cropping the picture" onClick={() => setTileFit('fill')}>
              Fill
            </button>
          </div>
        </>
      )}
      {viewMode === 'grid' && (
        <div className="sort-control">
          <label className="sort-label">
            <span className="visually-hidden">Sort by</span>
            <select className="select select-small" value={sort.key} onChange={(e) => setSort(e.target.value as SortKey, sort.dir)}>
              {COLUMNS.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="icon-button"
            aria-label={sort.dir === 'asc' ? 'Ascending order; switch to descending' : 'Descending order; switch to ascending'}
            onClick={() => setSort(sort.key, sort.dir === 'asc' ? 'desc' : 'asc')}
          >
            {sort.dir === 'asc' ? <ArrowUpIcon size={16} /> : <ArrowDownIcon size={16} />}
          </button>
        </div>
      )}
      <div className="segmented" role="radiogroup" aria-label="View">
        <button type="button" role="radio" aria-checked={viewMode === 'grid'} aria-label="Grid" title="Grid" className="segmented-button" onClick={() => setViewMode('grid')}>
          <GridIcon size={16} />
        </button>
        <button type="button" role="radio" aria-checked={viewMode === 'list'} aria-label="List" title="List" className="segmented-button" onClick={() => setViewMode('list')}>
          <ListIcon size={16} />
        </button>
      </div>
    </div>
  )
}
