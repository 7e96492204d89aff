import type { Level } from '../../../shared/domain.js'
import type { AssetView, CommentView, VersionView } from '../../../shared/views.js'
import type { Handlers } from '../support/mockApi.js'
import { ADA, RITA, file, folder, user } from '../support/views.js'

export const BEA = user('u-bea', 'Bea', 'fullAccess')
export const PEOPLE = [ADA, BEA, RITA]

export const SHARED = (level: Level) => folder('s', 'Studio', 'h', { level, access: 'grant', childCount: 2 })

export function photo(level: Level, extra: Partial<AssetView> = {}): AssetView {
  return file('p', 'harbour.jpg', 's', {
    level, access: 'grant', path: '/Studio/harbour.jpg', mime: 'image/jpeg', size: 2_400_000, width: 4000, height: 3000,
    currentVersion: 2, versionCount: 2, createdBy: BEA.id, createdAt: Date.UTC(2024, 2, 1), updatedAt: Date.UTC(2024, 3, 5),
    tags: ['boats', 'evening'], metadata: {}, ...extra,
  })
}

export const VERSIONS: VersionView[] = [
  { number: 2, size: 2_400_000, mime: 'image/jpeg', width: 4000, height: 3000, createdBy: BEA.id, createdAt: Date.UTC(2024, 3, 5), current: true },
  { number: 1, size: 1_900_000, mime: 'image/jpeg', width: 3000, height: 2000, createdBy: ADA.id, createdAt: Date.UTC(2024, 2, 1), current: false },
]

export const COMMENTS: CommentView[] = [
  { id: 'c1', fileId: 'p', authorId: ADA.id, authorName: 'Ada', text: 'Lovely light.', createdAt: Date.UTC(2024, 3, 6), updatedAt: Date.UTC(2024, 3, 6) },
]

/** The details a file's panel asks for, held here as main would hold them, so edits show when asked again. */
export function detailHandlers(asset: AssetView): { handlers: Partial<Handlers>; state: { asset: AssetView; comments: CommentView[] } } {
  const state = { asset, comments: [...COMMENTS] }
  const handlers: Partial<Handlers> = {
    'users.list': () => PEOPLE,
    'files.versions': () => VERSIONS,
    'comments.list': () => state.comments,
    'collections.associations': () => [],
    'tags.add': ({ tags }) => {
      state.asset = { ...state.asset, tags: [...(state.asset.tags ?? []), ...tags] }
      return [state.asset]
    },
    'tags.remove': ({ tags }) => {
      state.asset = { ...state.asset, tags: (state.asset.tags ?? []).filter((t) => !tags.includes(t)) }
      return [state.asset]
    },
    'comments.add': ({ text }) => {
      const c = { ...COMMENTS[0], id: `c${state.comments.length + 1}`, authorId: RITA.id, authorName: 'Rita', text }
      state.comments = [...state.comments, c]
      return c
    },
    'comments.edit': ({ commentId, text }) => {
      state.comments = state.comments.map((c) => (c.id === commentId ? { ...c, text, updatedAt: c.updatedAt + 1 } : c))
      return state.comments.find((c) => c.id === commentId)!
    },
    'comments.delete': ({ commentId }) => {
      state.comments = state.comments.filter((c) => c.id !== commentId)
      return { deleted: commentId }
    },
  }
  return { handlers, state }
}
