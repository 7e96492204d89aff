import { useId } from 'react'
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
  const labels = collectionLabels(collections, (id) => users.find((u) => u.id === id)?.name)
  const labelOf = (c: CollectionView) => labels.get(c.id)!
  const toggle = (id: Id) => onChosen(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id])

  return (
    <fieldset className="chooser">
      <legend className="field-label">{label}</legend>
      <SearchField value={query} onChange={onQuery} placeholder="Search collections" controls={listId} />
      <ul className="choose-list" id={listId} aria-label={label}>
        {shown.map((c) => (
          <li key={c.id}>
            <label className={`choose-row${chosen.includes(c.id) ? ' is-chosen' : ''}`}>
              <input type="checkbox" checked={chosen.includes(c.id)} onChange={() => toggle(c.id)} aria-label={`${labelOf(c)}, ${itemCount(c.assetCount)}`} />
              <CollectionIcon size={18} className="choose-icon" />
              <span className="choose-name">{labelOf(c)}</span>
              <span className="choose-meta">{itemCount(c.assetCount)}</span>
            </label>
          </li>
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
