import { api } from '../api/index.js'
import { useTrove } from './index.js'

/** Tables whose changes can alter what the tree and grid show to this session. */
const SHOWN = new Set(['assets', 'grants', 'memberships', 'users', 'groups'])
/** A burst of commits (an upload of many files) becomes one refresh. */
const SETTLE_MS = 120

/**
 * Live updates (issue 4: a change made elsewhere appears without a reload): main pushes
 * change and session events, already filtered to what this session may see.
 */
export function connectLive(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  const offChanged = api.subscribe('library.changed', (event) => {
    if (!event.tables.some((t) => SHOWN.has(t))) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      if (useTrove.getState().status === 'ready') void useTrove.getState().refreshVisible()
    }, SETTLE_MS)
  })
  // Another tab of this browser session switched user: follow it. Our own switches already did.
  const offSession = api.subscribe('session.changed', (event) => {
    if (event.userId !== (useTrove.getState().session?.user.id ?? null)) void useTrove.getState().loadSession()
  })
  return () => {
    if (timer) clearTimeout(timer)
    offChanged()
    offSession()
  }
}
