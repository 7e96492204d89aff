import { useTrove } from '../../store/index.js'
import { SearchIcon } from '../actionIcons.js'
import { CloseIcon } from '../icons.js'
import { SHARED_WITH_ME, displayName } from '../Breadcrumbs.js'
import { SearchFilterBar } from './SearchFilterBar.js'

/** In place of the breadcrumbs while a search shows: what was searched, how much was found, the filters, and the way back. */
export function SearchHeader() {
  const search = useTrove((s) => s.search)!
  const clear = useTrove((s) => s.clearSearch)
  const folderName = useTrove((s) => (s.folderId && s.byId[s.folderId] ? displayName(s.byId[s.folderId]) : SHARED_WITH_ME))
  const found = search.total
  return (
    <div className="search-header">
      <div className="search-header-top">
        <h2 className="search-title">{search.query.trim() ? <>Results for “{search.query}”</> : 'Search results'}</h2>
        <span className="search-count" role="status">
          {search.status === 'loading' ? 'Searching…' : found === 1 ? '1 match' : `${found.toLocaleString()} matches`}
        </span>
        <button type="button" className="button button-small button-quiet" onClick={clear}>
          <CloseIcon size={14} /> Back to {folderName}
        </button>
      </div>
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
