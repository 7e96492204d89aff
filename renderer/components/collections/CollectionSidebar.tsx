import { useEffect, useId, useState } from 'react'
import { useTrove } from '../../store/index.js'
import { PlusIcon } from '../actionIcons.js'
import { SearchField } from '../forms/SearchField.js'
import { CollectionRow } from './CollectionRow.js'
import { collectionLabels } from './collectionName.js'

/**
 * The media collections this user can view (docs/permissions.md: view and search collections), under
 * the folder tree: search, counts, create (anyone may), and each collection's menu. Opening
 * one shows its assets in the centre; assets dragged from the centre can be dropped on one.
 */
export function CollectionSidebar() {
  const actor = useTrove((s) => s.session?.user.id ?? null)
  const collections = useTrove((s) => s.collections)
  const users = useTrove((s) => s.users)
  const loaded = useTrove((s) => s.collectionsLoaded)
  const currentId = useTrove((s) => s.collectionScope?.collectionId ?? null)
  const restricted = useTrove((s) => !!s.session?.isRestricted)
  const [query, setQuery] = useState('')
  const [menuFor, setMenuFor] = useState<string | null>(null)
  const [notice, setNotice] = useState('')
  const titleId = useId()

  useEffect(() => {
    // Another actor sees other collections: nothing said to the previous one stays.
    setNotice('')
    setQuery('')
    setMenuFor(null)
    if (actor) void useTrove.getState().loadCollections()
  }, [actor])

  useEffect(() => {
    if (!notice) return
    const t = setTimeout(() => setNotice(''), 6000)
    return () => clearTimeout(t)
  }, [notice])

  const needle = query.trim().toLowerCase()
  const shown = needle ? collections.filter((c) => c.name.toLowerCase().includes(needle)) : collections
  const labels = collectionLabels(collections, (id) => users.find((u) => u.id === id)?.name)

  return (
    <section className="collection-sidebar" aria-labelledby={titleId}>
      <div className="collections-head">
        <h2 id={titleId} className="sidebar-title">
          Media collections
        </h2>
        <button type="button" className="icon-button" aria-label="New media collection" title="New media collection" onClick={() => useTrove.getState().openDialog({ kind: 'createCollection' })}>
          <PlusIcon size={18} />
        </button>
      </div>
      {collections.length > 0 && (
        <SearchField className="collections-search" value={query} onChange={setQuery} placeholder="Search collections" label="Search media collections" />
      )}
      <ul className="collection-list" aria-labelledby={titleId}>
        {shown.map((c) => (
          <CollectionRow key={c.id} collection={c} label={labels.get(c.id)!} current={c.id === currentId} menuOpen={menuFor === c.id} onMenu={(open) => setMenuFor(open ? c.id : null)} onAdded={setNotice} />
        ))}
      </ul>
      {loaded && collections.length === 0 && (
        <p className="collections-empty">
          {restricted ? 'No collection is shared with you yet. ' : ''}Create one to group files and folders from anywhere in the library.
        </p>
      )}
      {collections.length > 0 && shown.length === 0 && <p className="collections-empty">No collection matches “{query.trim()}”.</p>}
      <p className="collections-notice" role="status">
        {notice}
      </p>
    </section>
  )
}
