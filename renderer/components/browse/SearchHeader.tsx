import { useTrove } from '../../store/index.js'
import { SearchIcon, SmartIcon } from '../actionIcons.js'
import { CloseIcon } from '../icons.js'
import { SHARED_WITH_ME, displayName } from '../Breadcrumbs.js'
import { SearchFilterBar } from './SearchFilterBar.js'

/** In place of the breadcrumbs while a search shows: what was searched, how much was found, the filters, and the way back. */
export function SearchHeader() {
  const search = useTrove((s) => s.search)!
  const clear = useTrove((s) => s.clearSearch)
  const smart = useTrove((s) => (s.search?.smartId ? s.smartCollections.find((c) => c.id === s.search?.smartId) : undefined))
  const folderName = useTrove((s) => (s.folderId && s.byId[s.folderId] ? displayName(s.byId[s.folderId]) : SHARED_WITH_ME))
  const found = search.total
  const title = search.smartId ? (smart?.name ?? 'Smart collection') : search.query.trim() ? <>Results for “{search.query}”</> : 'Search results'
  return (
    <div className="search-header">
      <div className="search-header-top">
        {search.smartId && <SmartIcon size={20} className="search-title-icon" />}
        <h2 className="search-title">{title}</h2>
        <span className="search-count" role="status">
          {search.status === 'loading' ? 'Searching…' : found === 1 ? '1 match' : `${found.toLocaleString()} matches`}
        </span>
        {smart && !smart.mine && <span className="search-owner">Shared by {smart.ownerName}</span>}
        {!search.smartId && (
          <button type="button" className="button button-small" onClick={() => useTrove.getState().openDialog({ kind: 'saveSearch' })}>
            <SmartIcon size={14} /> Save search
          </button>
        )}
        <button type="button" className="button button-small button-quiet" onClick={clear}>
          <CloseIcon size={14} /> Back to {folderName}
        </button>
      </div>
      {smart?.folderHidden && <p className="search-note">This smart collection looks in a folder that is not shared with you, so it shows nothing here.</p>}
      {smart?.termsHidden && !smart.folderHidden && (
        <p className="search-note">This smart collection also looks for words or tags that match nothing shared with you, so they are not shown and it finds nothing here.</p>
      )}
      {/* A smart collection's filters are its owner's to change; changing them here starts a new search from them. */}
      <SearchFilterBar />
    </div>
  )
}

export function SearchEmpty({ query }: { query: string }) {
  return (
    <section className="empty" aria-labelledby="search-empty-title">
      <div className="empty-icon">
        <SearchIcon size={36} />
      </div>
      <h2 id="search-empty-title">{query.trim() ? <>Nothing matches “{query}”</> : 'Nothing matches these filters'}</h2>
      <p>Search looks at names, tags, custom metadata, and embedded keywords, titles, captions and camera of everything you can view. Try fewer or different words, or fewer filters.</p>
    </section>
  )
}
