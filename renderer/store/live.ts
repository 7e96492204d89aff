import type { TableName } from '../../shared/domain.js'
import { api } from '../api/client.js'
import { useTrove } from './index.js'

/** Tables whose changes can alter the tree, the centre or search results for this session. */
const LISTED: TableName[] = ['assets', 'grants', 'memberships', 'users', 'groups', 'associations', 'collections']
/** Tables the details panel shows from. */
const DETAILED: TableName[] = ['assets', 'comments', 'associations', 'collections', 'grants', 'memberships', 'users', 'fields']
/** Tables that alter the collection list, its counts and levels, or the open collection's contents. */
const COLLECTED: TableName[] = ['collections', 'associations', 'grants', 'memberships', 'users', 'assets']
/** Of those, the ones that change what a collection holds. */
const CONTENTS: TableName[] = ['associations', 'assets']
/** Tables the administration screen and the owner names show. */
const PEOPLE: TableName[] = ['users', 'groups', 'memberships', 'fields']
/** A burst of commits (an upload of many files) becomes one refresh. */
const SETTLE_MS = 150

/**
 * Live updates (issue 4: a change made elsewhere appears without a reload): main pushes
 * change and session events, already filtered to what this session may see. Whatever is on
 * screen and touched by the changed tables is asked for again once the burst settles.
 */
export function connectLive(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  const pending = new Set<TableName>()
  const touches = (tables: TableName[]) => tables.some((t) => pending.has(t))

  // A refresh belongs to whoever was acting when the change arrived: after a switch the new
  // user's view is loaded afresh, and asking for the old one would only be refused.
  let queuedFor: string | null = null
  const actorId = () => useTrove.getState().session?.user.id ?? null

  const flush = () => {
    timer = null
    const state = useTrove.getState()
    // Wait for a switch under way: if it goes through the refresh is dropped below, if it fails it is still owed.
    if (state.sessionChanges > 0) {
      timer = setTimeout(flush, SETTLE_MS)
      return
    }
    if (state.status !== 'ready' || actorId() !== queuedFor) return pending.clear()
    if (touches(['assets', 'grants', 'memberships'])) state.forgetFolderPreviews()
    if (touches(LISTED)) void state.refreshVisible()
    if (touches(COLLECTED)) {
      void state.loadCollections()
      if (touches(CONTENTS)) void state.refreshCollection()
    }
    if (touches(['smartCollections', 'users', 'groups', 'memberships'])) void state.refreshSmartCollections()
    if (state.details && touches(DETAILED)) void state.refreshDetails()
    // Every change is logged, so any change this session heard of may have new entries for the
    // feeds on screen. A restricted reader hears only of what they can see (docs/permissions.md)
    // and the feed is read again through activity.list, which filters for them.
    if (pending.size > 0) void state.refreshFeeds()
    if (touches(PEOPLE)) {
      if (state.adminStatus !== 'idle' && state.session?.isAdmin) void state.loadAdmin()
      else {
        void state.loadUsers()
        if (pending.has('fields')) void state.loadFields()
      }
    }
    pending.clear()
  }

  const offChanged = api.subscribe('library.changed', (event) => {
    if (queuedFor !== actorId()) pending.clear()
    queuedFor = actorId()
    for (const t of event.tables) pending.add(t)
    if (timer) clearTimeout(timer)
    timer = setTimeout(flush, SETTLE_MS)
  })
  // Another tab of this browser session switched user: follow it, at the new user's start (the
  // address names the previous user's place). Our own switch may announce itself before its call
  // answers; it enters the new user itself, so the event is not followed while one is out.
  const offSession = api.subscribe('session.changed', (event) => {
    const state = useTrove.getState()
    if (state.sessionChanges > 0) return
    if (event.userId !== actorId()) void state.loadSession(false)
  })
  const offJobs = api.subscribe('jobs.progress', (job) => {
    useTrove.getState().noteJob(job)
  })
  // The desktop menu asks for work the renderer owns the forms and progress of.
  const offCommand = api.subscribe('app.command', ({ command }) => {
    const state = useTrove.getState()
    if (state.status !== 'ready' && command !== 'signOut') return
    switch (command) {
      case 'newFolder':
        if (state.folderId) state.openDialog({ kind: 'newFolder' })
        break
      case 'importFiles':
      case 'importFolder':
        void state.importFromDisk(command === 'importFiles' ? 'files' : 'folder')
        break
      case 'switchUser':
        state.setSwitcherOpen(true)
        break
      case 'signOut':
        state.closeDialog()
        break
    }
  })
  return () => {
    if (timer) clearTimeout(timer)
    offChanged()
    offSession()
    offJobs()
    offCommand()
  }
}
