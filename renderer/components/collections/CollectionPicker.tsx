import { memo, useCallback, useId, useMemo, useRef } from 'react'
import type { Id } from '../../../shared/domain.js'
import type { CollectionView } from '../../../shared/views.js'
import { CollectionIcon } from '../actionIcons.js'
import { SearchField } from '../forms/SearchField.js'
import { itemCount } from '../labels.js'
import { useTrove } from '../../store/index.js'
import { collectionLabels } from './collectionName.js'

interface Props {
  label: string
  collections: CollectionView[]
  loaded: boolean
  query: string
  onQuery(query: string): void
  chosen: Id[]
  onChosen(ids: Id[]): void
  emptyText: string
}

/** A searchable list of collections to tick, several at once, found by searching. */
export function CollectionPicker({ label, collections, loaded, query, onQuery, chosen, onChosen, emptyText }: Props) {
  const listId = useId()
  const needle = query.trim().toLowerCase()
  const shown = needle ? collections.filter((c) => c.name.toLowerCase().includes(needle)) : collections
  const users = useTrove((s) => s.users)
  const labels = useMemo(() => collectionLabels(collections, (id) => users.find((u) => u.id === id)?.name), [collections, users])
  // One toggle for the life of the list, reading the latest choice: with it the rows are memoised,
  // so a tick renders one row, not every row of a long list.
  const latest = useRef({ chosen, onChosen })
  latest.current = { chosen, onChosen }
  const toggle = useCallback((id: Id) => {
    const { chosen: now, onChosen: choose } = latest.current
    choose(now.includes(id) ? now.filter((x) => x !== id) : [...now, id])
  }, [])
  const chosenSet = new Set(chosen)

  return (
    <fieldset className="chooser">
      <legend className="field-label">{label}</legend>
      <SearchField value={query} onChange={onQuery} placeholder="Search collections" controls={listId} />
      <ul className="choose-list" id={listId} aria-label={label}>
        {shown.map((c) => (
          <PickerRow key={c.id} id={c.id} label={labels.get(c.id)!} count={c.assetCount} chosen={chosenSet.has(c.id)} onToggle={toggle} />
        ))}
      </ul>
      {!loaded && collections.length === 0 && <p className="choose-empty">Loading collections…</p>}
      {loaded && collections.length === 0 && <p className="choose-empty">{emptyText}</p>}
      {collections.length > 0 && shown.length === 0 && <p className="choose-empty">No collection matches “{query.trim()}”.</p>}
      {chosen.length > 0 && (
        <p className="choose-count" aria-live="polite">
          {chosen.length === 1 ? '1 collection chosen' : `${chosen.length} collections chosen`}
        </p>
      )}
    </fieldset>
  )
}

const PickerRow = memo(function PickerRow({ id, label, count, chosen, onToggle }: { id: Id; label: string; count: number; chosen: boolean; onToggle(id: Id): void }) {
  return (
    <li>
      <label className={`choose-row${chosen ? ' is-chosen' : ''}`}>
        <input type="checkbox" checked={chosen} onChange={() => onToggle(id)} aria-label={`${label}, ${itemCount(count)}`} />
        <CollectionIcon size={18} className="choose-icon" />
        <span className="choose-name">{label}</span>
        <span className="choose-meta">{itemCount(count)}</span>
      </label>
    </li>
  )
})
