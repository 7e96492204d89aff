// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ActivityView } from '../../../shared/views.js'
import { resetStore } from '../../../renderer/store/index.js'
import { ADA, RITA, file, folder, sessionOf } from '../support/views.js'
import { grid, openWorkspace } from '../support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const HOME = folder('h', 'Home', null, { childCount: 2 })
const BRAND = folder('b', 'Brand', 'h', { childCount: 1 })
const LOGO = file('l', 'logo.png', 'h', { mime: 'image/png' })

const entry = (id: string, summary: string, extra: Partial<ActivityView> = {}): ActivityView => ({
  id, at: Date.UTC(2026, 11, 1, 9), actorId: ADA.id, action: 'files.upload', ids: [], summary, actorName: 'Ada', ...extra,
})

describe('activity', () => {
  it('the details panel shows a folder’s activity with what happened below it, both names for a view-as action, and older pages on request', async () => {
    const { user, api } = await openWorkspace(sessionOf(ADA), [HOME, BRAND, LOGO], ['h'], {
      'activity.list': (input) =>
        input?.before
          ? { items: [entry('e3', 'created folder /Brand')], hasMore: false }
          : { items: [entry('e1', 'uploaded /Brand/Logos/a.png'), entry('e2', 'renamed "x" to "y"', { actorName: 'Rita', viaAdminName: 'Ada' })], hasMore: true },
    })
    await user.click(within(grid()).getByRole('option', { name: 'Brand' }))
    const list = await screen.findByRole('list', { name: 'Activity in Brand' })
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2))
    expect(api.callsTo('activity.list')).toContainEqual({ resourceId: 'b', within: true, limit: 10 })
    expect(within(list).getAllByRole('listitem')[1]).toHaveTextContent('Rita (by Ada, viewing as) renamed "x" to "y"')
    await user.click(screen.getByRole('button', { name: 'Show older' }))
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3))
    expect(api.callsTo('activity.list').at(-1)).toEqual({ resourceId: 'b', within: true, limit: 10, before: 'e2' })
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull()

    // A file: its own history only.
    await user.click(within(grid()).getByRole('option', { name: 'logo.png' }))
    await screen.findByRole('list', { name: 'Activity of logo.png' })
    expect(api.callsTo('activity.list').at(-1)).toEqual({ resourceId: 'l', limit: 10 })
  })

  it('admins have a library-wide activity screen with filters by user, action and date', async () => {
    const { user, api } = await openWorkspace(sessionOf(ADA), [HOME], ['h'], {
      'users.list': () => [ADA, RITA],
      'activity.list': () => ({ items: [entry('e1', 'uploaded /a.png')], hasMore: false }),
    })
    await user.click(within(screen.getByRole('navigation', { name: 'Screens' })).getByRole('button', { name: 'Activity' }))
    expect(await screen.findByRole('heading', { name: 'Activity', level: 1 })).toBeInTheDocument()
    expect(window.location.hash).toBe('#/activity')
    await screen.findByRole('list', { name: 'Activity log' })
    expect(api.callsTo('activity.list').at(-1)).toEqual({ limit: 50 })
    await user.selectOptions(screen.getByRole('combobox', { name: 'User' }), 'Rita')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'Moves, copies, renames and deletions')
    await user.type(screen.getByLabelText('From'), '2026-12-01')
    await waitFor(() =>
      expect(api.callsTo('activity.list').at(-1)).toEqual({ by: RITA.id, actions: ['assets'], from: new Date(2026, 11, 1).getTime(), limit: 50 }),
    )
    // A range the wrong way round is said, next to the field, and not asked for.
    const asked = api.callsTo('activity.list').length
    await user.type(screen.getByLabelText('To'), '2026-11-01')
    expect(await screen.findByRole('alert')).toHaveTextContent('The first day comes after the last')
    expect(api.callsTo('activity.list')).toHaveLength(asked)
  })

  it('no activity screen for a restricted user', async () => {
    await openWorkspace(sessionOf(RITA), [HOME], ['h'])
    expect(screen.queryByRole('navigation', { name: 'Screens' })).toBeNull()
  })
})

describe('activity as it happens', () => {
  /** main's log in miniature: newest first, paged by `before`, each read filtered by `readable`. */
  function log(initial: ActivityView[], readable: (e: ActivityView) => boolean = () => true) {
    const entries = [...initial]
    return {
      add: (e: ActivityView) => entries.unshift(e),
      handler: (input?: { before?: string; limit?: number }) => {
        const shown = entries.filter(readable)
        const from = input?.before ? shown.findIndex((e) => e.id === input.before) + 1 : 0
        const limit = input?.limit ?? 50
        return { items: shown.slice(from, from + limit), hasMore: shown.length > from + limit }
      },
    }
  }
  const texts = (list: HTMLElement) => within(list).getAllByRole('listitem').map((li) => li.querySelector('.activity-what')?.textContent)

  it('puts new entries on top of the details panel’s activity when a change arrives, keeping the older ones shown', async () => {
    const feed = log(Array.from({ length: 12 }, (_, i) => entry(`e${12 - i}`, `renamed entry ${12 - i}`)))
    const { user, api } = await openWorkspace(sessionOf(ADA), [HOME, BRAND, LOGO], ['h'], { 'activity.list': feed.handler })
    await user.click(within(grid()).getByRole('option', { name: 'Brand' }))
    const list = await screen.findByRole('list', { name: 'Activity in Brand' })
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(10))
    await user.click(screen.getByRole('button', { name: 'Show older' }))
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(12))

    feed.add(entry('e13', 'uploaded /Brand/new.png'))
    act(() => api.emit('library.changed', { seq: 1, op: 'files.upload', tables: ['assets', 'activity'], assetIds: ['n'] }))
    await waitFor(() => expect(texts(list)[0]).toBe('uploaded /Brand/new.png'))
    expect(within(list).getAllByRole('listitem')).toHaveLength(13)
    expect(texts(list).at(-1)).toBe('renamed entry 1')
    // The list never went back to "Loading": it was asked for again quietly, the newest page only.
    expect(screen.queryByText('Loading activity…')).toBeNull()
    expect(api.callsTo('activity.list').at(-1)).toEqual({ resourceId: 'b', within: true, limit: 10 })
  })

  it('keeps the admins’ activity screen up to date while it is open, and stops asking once it is left', async () => {
    const feed = log([entry('e1', 'uploaded /a.png')])
    const { user, api } = await openWorkspace(sessionOf(ADA), [HOME], ['h'], { 'users.list': () => [ADA, RITA], 'activity.list': feed.handler })
    const screens = screen.getByRole('navigation', { name: 'Screens' })
    await user.click(within(screens).getByRole('button', { name: 'Activity' }))
    const list = await screen.findByRole('list', { name: 'Activity log' })
    feed.add(entry('e2', 'moved 1 item(s) to /Brand', { actorName: 'Rita', action: 'assets.move' }))
    act(() => api.emit('library.changed', { seq: 1, op: 'assets.move', tables: ['assets', 'activity'], assetIds: ['l'] }))
    await waitFor(() => expect(texts(list)).toEqual(['moved 1 item(s) to /Brand', 'uploaded /a.png']))

    await user.click(within(screens).getByRole('button', { name: 'Library' }))
    await screen.findByRole('main', { name: 'Contents' })
    const asked = api.callsTo('activity.list').length
    const listed = api.callsTo('assets.list').length + api.callsTo('assets.roots').length
    act(() => api.emit('library.changed', { seq: 2, op: 'assets.move', tables: ['assets', 'activity'], assetIds: ['l'] }))
    // The library's own refresh happens; the screen's feed is not asked for again.
    await waitFor(() => expect(api.callsTo('assets.list').length + api.callsTo('assets.roots').length).toBeGreaterThan(listed))
    await new Promise((r) => setTimeout(r, 300))
    expect(api.callsTo('activity.list')).toHaveLength(asked)
  })

  it('refreshes a restricted reader’s panel on the changes she hears of (the log itself never reaches her as an event), showing only what main gives her', async () => {
    // main leaves out, for Rita, any entry that names something she cannot view (docs/activity.md).
    const hidden = new Set(['secret'])
    const feed = log([entry('e1', 'uploaded …/Shared/logo.png', { ids: ['l'] })], (e) => !e.ids.some((id) => hidden.has(id)))
    // Brand is shared with her: the root of what she sees.
    const shared = { ...BRAND, parentId: null }
    const { user, api } = await openWorkspace(sessionOf(RITA), [shared, { ...LOGO, parentId: 'b' }], ['b'], { 'activity.list': feed.handler })
    await user.click(await screen.findByRole('treeitem', { name: /^Brand/ }))
    await user.click(await screen.findByRole('option', { name: 'logo.png' }))
    const list = await screen.findByRole('list', { name: 'Activity of logo.png' })
    feed.add(entry('e2', 'moved /Secret/plan.pdf next to it', { ids: ['secret', 'l'] }))
    feed.add(entry('e3', 'commented on …/Shared/logo.png', { ids: ['l'] }))
    act(() => api.emit('library.changed', { seq: 1, op: 'comments.add', tables: ['comments'], assetIds: ['l'] }))
    await waitFor(() => expect(texts(list)).toEqual(['commented on …/Shared/logo.png', 'uploaded …/Shared/logo.png']))
    expect(document.body.textContent).not.toMatch(/Secret|plan\.pdf/)
  })
})
