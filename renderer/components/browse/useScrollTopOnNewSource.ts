import { useEffect, type RefObject } from 'react'
import { useTrove } from '../../store/index.js'

/** A folder opened or a search run starts at the top, in the grid and the list alike. */
export function useScrollTopOnNewSource(scroller: RefObject<HTMLElement | null>): void {
  const source = useTrove((s) => (s.search ? `search:${s.search.query}` : `folder:${s.folderId}`))
  useEffect(() => {
    scroller.current?.scrollTo?.({ top: 0 })
  }, [source, scroller])
}
