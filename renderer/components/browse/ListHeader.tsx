import { useTrove } from '../../store/index.js'
import type { SortKey } from '../../store/viewSlice.js'
import { ArrowDownIcon, ArrowUpIcon } from '../actionIcons.js'

export const COLUMNS: Array<{ key: SortKey; label: string }> = [
  { key: 'name', label: 'Name' },
  { key: 'type', label: 'Type' },
  { key: 'size', label: 'Size' },
  { key: 'modified', label: 'Modified' },
  { key: 'owner', label: 'Owner' },
]

/** Column headers that sort when pressed, and say which way they sort (aria-sort). */
export function ListHeader() {
  const sort = useTrove((s) => s.sort)
  const setSort = useTrove((s) => s.setSort)
  return (
    <div role="rowgroup" className="list-head">
      <div role="row" className="list-row list-head-row" aria-rowindex={1}>
        {COLUMNS.map((c) => {
          const current = sort.key === c.key
          return (
            <div
              key={c.key}
              role="columnheader"
              className={`list-cell list-cell-${c.key}`}
              aria-sort={current ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button type="button" className={`list-sort${current ? ' is-current' : ''}`} onClick={() => setSort(c.key)}>
                {c.label}
                {current && (sort.dir === 'asc' ? <ArrowUpIcon size={13} /> : <ArrowDownIcon size={13} />)}
              </button>
            </div>
          )
        })}
      </div>
    </div>
  )
}
