// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionView, TrashItemView } from '../../../shared/views.js'
import { resetStore, useTrove } from '../../../renderer/store/index.js'
import { heldAssets, holdAssets } from '../../../renderer/store/assetClipboard.js'
import { mockApi } from '../support/mockApi.js'
import { treeHandlers } from '../support/library.js'
import { ADA, RITA, file, folder, sessionOf } from '../support/views.js'

afterEach(() => resetStore())

/** Everything Ada may see carries this in its name, so any trace of her is found by a search of the state. */
const ADAS = 'ada-only'
const HOME = folder('h', `${ADAS} Home`, null)
const PLANS = file('f-plans', `${ADAS} plans.pdf`, 'h')
const SHARED = folder('s', 'Shared with Rita', null)

/** Ada acts first; main answers each as whoever acts now, as it does. */
function world() {
  let current: SessionView = sessionOf(ADA)
  const isAda = () => current.user.id === ADA.id
  const ada = treeHandlers([HOME, PLANS], ['h'])
  const rita = treeHandlers([SHARED], ['s'])
  let trashAnswer: ((items: TrashItemView[]) => void) | null = null
  const api = mockApi({
    'session.current': () => current,
    'session.switchUser': ({ userId }) => (current = sessionOf(userId === RITA.id ? RITA : ADA)),
    'users.list': () => (isAda() ? [ADA, RITA] : [RITA]),
    'assets.roots': (input) => (isAda() ? ada : rita)['assets.roots']!(input),
    'assets.list': (input) => (isAda() ? ada : rita)['assets.list']!(input),
    'assets.get': (input) => (isAda() ? ada : rita)['assets.get']!(input),
    'assets.breadcrumbs': (input) => (isAda() ? ada : rita)['assets.breadcrumbs']!(input),
    // Ada's trash is slow to come: its answer arrives after the switch.
    'trash.list': () => new Promise((resolve) => (trashAnswer = resolve)),
  })
  return { api, answerTrash: (items: TrashItemView[]) => trashAnswer?.(items) }
}

/** Keys that are not anyone's library: who acts (replaced by main's answer) and counters that only move on. */
const NOT_LIBRARY = new Set(['status', 'session', 'sessionChanges', 'previewGeneration'])

describe('switching user', () => {
  it('leaves nothing of the previous user in any slice', async () => {
    world()
    const store = useTrove
    await store.getState().loadSession()
    expect(store.getState().byId[PLANS.id] ?? store.getState().byId[HOME.id]).toBeDefined()

    // Whatever any slice holds, now or in a slice added later, is marked as Ada's.
    const marked: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(store.getState())) {
      if (typeof value !== 'function' && !NOT_LIBRARY.has(key)) marked[key] = { [ADAS]: true }
    }
    store.setState(marked)
    holdAssets('copy', [PLANS.id])

    await store.getState().switchUser(RITA.id)

    const after = store.getState()
    expect(after.session?.user.id).toBe(RITA.id)
    expect(JSON.stringify(after)).not.toContain(ADAS)
    expect(after.rootIds).toEqual([SHARED.id])
    expect(heldAssets()).toBeNull()
  })

  it('drops an answer the previous user was still waiting for', async () => {
    const { answerTrash } = world()
    const store = useTrove
    await store.getState().loadSession()
    const trash = store.getState().openTrash()

    await store.getState().switchUser(RITA.id)
    answerTrash([{ id: PLANS.id, name: PLANS.name } as unknown as TrashItemView])
    await Promise.race([trash, new Promise((r) => setTimeout(r, 50))])

    const after = store.getState()
    expect(after.trashItems).toEqual([])
    expect(after.trashStatus).toBe('idle')
    expect(after.screen).toBe('library')
    expect(JSON.stringify(after)).not.toContain(ADAS)
  })
})
