import type { StateCreator } from 'zustand'
import type { Id, MetadataValue } from '../../shared/domain.js'
import type { AssociationView, CommentView, FieldView, VersionView } from '../../shared/views.js'
import { api } from '../api/client.js'
import { toBase64 } from './base64.js'
import { MAX_INLINE_UPLOAD } from './uploadSlice.js'
import { AppError } from '../../shared/errors.js'
import type { ResultOf } from '../../shared/contract/index.js'
import type { TroveState } from './types.js'
import { onReset } from './resets.js'

/** What the details panel shows beyond the asset itself; null while it loads. */
export interface Details {
  id: Id
  versions: VersionView[] | null
  comments: CommentView[] | null
  associations: AssociationView[] | null
}

/** The details panel: one asset's versions, comments and collections, and the edits made there. */
export interface DetailsSlice {
  details: Details | null
  /** The custom metadata fields an admin defined (docs/architecture.md). */
  fields: FieldView[]
  /** With null the panel shows nothing, and this resolves once the reads it had sent have been answered. */
  loadDetails(id: Id | null): Promise<void>
  refreshDetails(): Promise<void>
  loadFields(): Promise<void>
  /** A picked file has no form to show a refusal in: it becomes a message. */
  uploadVersion(fileId: Id, file: File): Promise<void>
  /** These throw, so the control or confirmation that caused them can say why. */
  restoreVersion(fileId: Id, version: number): Promise<void>
  deleteVersion(fileId: Id, version: number): Promise<void>
  addTags(ids: Id[], tags: string[]): Promise<void>
  removeTags(ids: Id[], tags: string[]): Promise<void>
  setMetadata(fileId: Id, values: Record<Id, MetadataValue | null>): Promise<void>
  addComment(fileId: Id, text: string): Promise<void>
  editComment(commentId: Id, text: string): Promise<void>
  deleteComment(commentId: Id): Promise<void>
  /** Every embedded metadata field of a version, read from the file when the panel's section opens. */
  loadEmbeddedFields(fileId: Id, version?: number): Promise<ResultOf<'files.embeddedFields'>>
}

export const detailsInitial = { details: null, fields: [] } satisfies Partial<DetailsSlice>

export const createDetailsSlice: StateCreator<TroveState, [], [], DetailsSlice> = (set, get) => {
  onReset(() => set(detailsInitial))
  let request = 0
  /** Loads still on their way, dropped ones included. */
  const loading = new Set<Promise<void>>()

  function load(id: Id, fresh: boolean): Promise<void> {
    const pending = read(id, fresh).finally(() => loading.delete(pending))
    loading.add(pending)
    return pending
  }

  async function read(id: Id, fresh: boolean): Promise<void> {
    const mine = ++request
    if (fresh) set({ details: { id, versions: null, comments: null, associations: null } })
    try {
      const asset = await api.call('assets.get', { id })
      if (mine !== request) return
      get().remember([asset])
      const file = asset.kind === 'file'
      const [versions, comments, associations] = await Promise.all([
        file ? api.call('files.versions', { fileId: id }) : Promise.resolve(null),
        file ? api.call('comments.list', { fileId: id }) : Promise.resolve(null),
        api.call('collections.associations', { assetId: id }),
      ])
      if (mine !== request) return
      set({ details: { id, versions, comments, associations } })
    } catch (error) {
      if (mine !== request) return
      // Gone or out of reach since it was listed: the listing's refresh takes it off screen.
      if ((error as { code?: string }).code !== 'NOT_FOUND') get().reportError(error)
      set({ details: { id, versions: [], comments: [], associations: [] } })
    }
  }

  /** After an edit: the asset as main now describes it, and the panel and the centre again. */
  async function settle(id: Id): Promise<void> {
    if (get().details?.id === id) await load(id, false)
    await get().refreshListing()
  }

  return {
    ...detailsInitial,

    async loadDetails(id) {
      if (id === null) {
        request++
        set({ details: null })
        await Promise.all([...loading])
        return
      }
      await load(id, get().details?.id !== id)
    },

    async refreshDetails() {
      const id = get().details?.id
      if (id) await load(id, false)
    },

    async loadFields() {
      try {
        set({ fields: await api.call('metadata.fields') })
      } catch (error) {
        get().reportError(error)
      }
    },

    async uploadVersion(fileId, file) {
      try {
        if (file.size > MAX_INLINE_UPLOAD) throw new AppError('LIMIT_EXCEEDED', `"${file.name}" is larger than ${MAX_INLINE_UPLOAD / 1024 / 1024} MB, the most a browser upload takes.`)
        const base64 = toBase64(new Uint8Array(await file.arrayBuffer()))
        get().remember([await api.call('files.uploadVersion', { fileId, base64 })])
        await settle(fileId)
      } catch (error) {
        get().reportError(error)
      }
    },

    async restoreVersion(fileId, version) {
      get().remember([await api.call('files.restoreVersion', { fileId, version })])
      await settle(fileId)
    },

    async deleteVersion(fileId, version) {
      get().remember([await api.call('files.deleteVersion', { fileId, version })])
      await settle(fileId)
    },

    async addTags(ids, tags) {
      get().remember(await api.call('tags.add', { ids, tags }))
    },

    async removeTags(ids, tags) {
      get().remember(await api.call('tags.remove', { ids, tags }))
    },

    async setMetadata(fileId, values) {
      get().remember([await api.call('metadata.set', { fileId, values })])
    },

    async addComment(fileId, text) {
      await api.call('comments.add', { fileId, text })
      await get().refreshDetails()
    },

    async editComment(commentId, text) {
      await api.call('comments.edit', { commentId, text })
      await get().refreshDetails()
    },

    async deleteComment(commentId) {
      await api.call('comments.delete', { commentId })
      await get().refreshDetails()
    },

    loadEmbeddedFields(fileId, version) {
      return api.call('files.embeddedFields', { fileId, ...(version === undefined ? {} : { version }) })
    },
  }
}
