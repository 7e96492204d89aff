import { useEffect } from 'react'
import type { TableName } from '../../../shared/domain.js'
import { api } from '../../api/index.js'
import { useTrove } from '../../store/index.js'

/** Changes that alter the list, the counts, the levels or the open collection's contents. */
const TOUCHES: TableName[] = ['collections', 'associations', 'grants', 'memberships', 'users', 'assets']
/** A burst of commits becomes one refresh. */
const SETTLE_MS = 150

/** Collections shared, renamed or filled elsewhere (another window, another user) show up here without a reload. */
export function useCollectionEvents(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let contents = false
    const off = api.subscribe('library.changed', (event) => {
      if (!event.tables.some((t) => TOUCHES.includes(t))) return
      contents ||= event.tables.includes('associations') || event.tables.includes('assets')
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => {
        timer = null
        const s = useTrove.getState()
        if (s.status !== 'ready') return
        void s.loadCollections()
        if (contents) void s.refreshCollection()
        contents = false
      }, SETTLE_MS)
    })
    return () => {
      if (timer) clearTimeout(timer)
      off()
    }
  }, [])
}
