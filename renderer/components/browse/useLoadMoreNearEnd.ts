import { useEffect } from 'react'
import { useTrove } from '../../store/index.js'

/**
 * Search results page on scroll: once the last rendered row is within a few rows of the end
 * of what is loaded, the next page is asked for (the search slice ignores repeats).
 */
export function useLoadMoreNearEnd(lastRenderedIndex: number, count: number, margin: number): void {
  const more = useTrove((s) => !!s.search?.hasMore && !s.search.loadingMore && s.search.status === 'ready')
  useEffect(() => {
    if (more && lastRenderedIndex >= count - 1 - margin) void useTrove.getState().loadMoreResults()
  }, [more, lastRenderedIndex, count, margin])
}
