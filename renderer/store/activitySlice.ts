import type { StateCreator } from 'zustand'
import type { InputOf, ResultOf } from '../../shared/contract/index.js'
import type { ActivityView } from '../../shared/views.js'
import { api } from '../api/client.js'
import type { TroveState } from './types.js'
import { onReset } from './resets.js'

/** What a feed asks for besides paging (docs/activity.md). */
export type ActivityQuery = Omit<NonNullable<InputOf<'activity.list'>>, 'before' | 'limit'>

/** The details panel's Activity section, and the admins' Activity screen. */
export type FeedName = 'details' | 'log'

export interface ActivityFeed {
  query: ActivityQuery
  items: ActivityView[]
  hasMore: boolean
  status: 'loading' | 'ready' | 'failed'
}

/** Entries a page: a short history in the panel, a screenful on the screen. */
export const FEED_PAGE: Record<FeedName, number> = { details: 10, log: 50 }

export interface ActivitySlice {
  feeds: Partial<Record<FeedName, ActivityFeed>>
  /** Starts the feed over with this query (a new asset, new filters). */
  loadFeed(name: FeedName, query: ActivityQuery): Promise<void>
  /** The next page, older entries after the ones shown. */
  loadMoreFeed(name: FeedName): Promise<void>
  /**
   * New entries on top of each feed on screen, after a change main told this session of
   * (live.ts): the newest page is asked for again, filtered by main for this reader as any
   * read is, so nothing arrives that `activity.list` would not give (docs/activity.md).
   */
  refreshFeeds(): Promise<void>
  /** The feed leaves the screen: no longer kept up to date, and an answer still on its way is dropped. */
  closeFeed(name: FeedName): void
  /** Resolves once every read of this feed sent so far has been answered (or has failed). */
  feedSettled(name: FeedName): Promise<void>
}

export const activityInitial = { feeds: {} } satisfies Partial<ActivitySlice>

export const createActivitySlice: StateCreator<TroveState, [], [], ActivitySlice> = (set, get) => {
  onReset(() => set(activityInitial))
  /** Only the latest request of a feed may fill it: a slow answer for the previous asset is dropped. */
  const latest: Partial<Record<FeedName, number>> = {}
  let requests = 0
  /** The reads of each feed still on their way, dropped answers included. */
  const reading: Record<FeedName, Set<Promise<unknown>>> = { details: new Set(), log: new Set() }

  function read(name: FeedName, input: InputOf<'activity.list'>): Promise<ResultOf<'activity.list'>> {
    const call = api.call('activity.list', input)
    const pending = call.catch(() => undefined).finally(() => reading[name].delete(pending))
    reading[name].add(pending)
    return call
  }

  async function fetch(name: FeedName, query: ActivityQuery, before: string | undefined, keep: ActivityView[]): Promise<void> {
    const mine = ++requests
    latest[name] = mine
    set((s) => ({ feeds: { ...s.feeds, [name]: { query, items: keep, hasMore: false, status: 'loading' } } }))
    try {
      const page = await read(name, { ...query, limit: FEED_PAGE[name], ...(before ? { before } : {}) })
      if (latest[name] !== mine) return
      set((s) => ({ feeds: { ...s.feeds, [name]: { query, items: [...keep, ...page.items], hasMore: page.hasMore, status: 'ready' } } }))
    } catch (error) {
      if (latest[name] !== mine) return
      set((s) => ({ feeds: { ...s.feeds, [name]: { query, items: keep, hasMore: false, status: 'failed' } } }))
      get().reportError(error)
    }
  }

  /**
   * The newest page again, put on top of what is shown without a loading state (the list
   * stays still while it is asked for). When the page reaches the newest entry shown, only
   * what is above it is new; when it does not (more than a page arrived, or the newest shown
   * is no longer the reader's to see), the page replaces the feed.
   */
  async function refresh(name: FeedName): Promise<void> {
    const feed = get().feeds[name]
    if (!feed) return
    const mine = ++requests
    latest[name] = mine
    try {
      const page = await read(name, { ...feed.query, limit: FEED_PAGE[name] })
      const now = get().feeds[name]
      if (latest[name] !== mine || !now || now.status !== 'ready') return
      const at = now.items.length > 0 ? page.items.findIndex((e) => e.id === now.items[0].id) : -1
      const next = at >= 0 ? { ...now, items: [...page.items.slice(0, at), ...now.items] } : { ...now, items: page.items, hasMore: page.hasMore }
      if (at === 0) return
      set((s) => ({ feeds: { ...s.feeds, [name]: next } }))
    } catch {
      // A refresh that fails leaves the feed as it was; the next change or a new query asks again.
    }
  }

  return {
    ...activityInitial,

    loadFeed(name, query) {
      return fetch(name, query, undefined, [])
    },

    async refreshFeeds() {
      const names = (Object.keys(get().feeds) as FeedName[]).filter((n) => get().feeds[n]?.status === 'ready')
      await Promise.all(names.map(refresh))
    },

    closeFeed(name) {
      latest[name] = ++requests
      set((s) => {
        const { [name]: _closed, ...rest } = s.feeds
        return { feeds: rest }
      })
    },

    async feedSettled(name) {
      await Promise.all([...reading[name]])
    },

    async loadMoreFeed(name) {
      const feed = get().feeds[name]
      if (!feed || feed.status === 'loading' || !feed.hasMore) return
      await fetch(name, feed.query, feed.items.at(-1)?.id, feed.items)
    },
  }
}
