import { useTrove } from '../../store/index.js'
import { SEARCH_LIMIT } from '../../store/searchSlice.js'
import { SearchIcon } from '../actionIcons.js'
import { CloseIcon } from '../icons.js'
import { SHARED_WITH_ME, displayName } from '../Breadcrumbs.js'

/** In place of the breadcrumbs while a search shows: what was searched, how much was found, and the way back. */
export function SearchHeader() {
  const search = useTrove((s) => s.search)!
  const clear = useTrove((s) => s.clearSearch)
  const folderName = useTrove((s) => (s.folderId && s.byId[s.folderId] ? displayName(s.byId[s.folderId]) : SHARED_WITH_ME))
  const found = search.ids.length
  return (
    <div className="search-header">
      <h2 className="search-title">
        Results for “{search.query}”
      </h2>
      <span className="search-count" role="status">
        {search.status === 'loading' ? 'Searching…' : search.hasMore ? `First ${SEARCH_LIMIT} matches; add words to narrow them` : found === 1 ? '1 match' : `${found} matches`}
      </span>
      <button type="button" className="button button-small button-quiet" onClick={clear}>
        <CloseIcon size={14} /> Back to {folderName}
      </button>
    </div>
  )
}

export function SearchEmpty({ query }: { query: string }) {
  return (
    <section className="empty" aria-labelledby="search-empty-title">
      <div className="empty-icon">
        <SearchIcon size={36} />
      </div>
      <h2 id="search-empty-title">Nothing matches “{query}”</h2>
      <p>Search looks at names, tags, and embedded keywords, titles and captions of everything you can view. Try fewer or different words.</p>
    </section>
  )
}
