import type { StateCreator } from 'zustand'
import type { Id } from '../../shared/domain.js'
import { api } from '../api/client.js'
import type { TroveState } from './types.js'
import { onReset } from './resets.js'

export type FolderPreview = { id: Id; version: number }[]

/** Folder tiles' pictures (a few of each folder's own images the user can view), asked for as tiles appear. */
export interface PreviewSlice {
  folderPreviews: Record<Id, FolderPreview>
  /** Moves on after a change: tiles on show then ask again, keeping their pictures until the answer. */
  previewGeneration: number
  /** Asks main for the pictures of these folders, in one call with the others asked for at the same moment. */
  wantFolderPreviews(folderId: Id): void
  /** After a change: every folder asks again when its tile is next drawn (or now, if on show). `drop`: for another user, keep none meanwhile. */
  forgetFolderPreviews(drop?: boolean): void
}

const BATCH = 200

export const createPreviewSlice: StateCreator<TroveState, [], [], PreviewSlice> = (set) => {
  const wanted = new Set<Id>()
  const asked = new Set<Id>()
  let scheduled = false
  let generation = 0

  function forget(drop = false): void {
    generation++
    asked.clear()
    wanted.clear()
    set((s) => ({ previewGeneration: s.previewGeneration + 1, ...(drop ? { folderPreviews: {} } : {}) }))
  }
  // The generation moves on rather than back to 0, so tiles on show for the next actor ask again.
  onReset(() => forget(true))

  async function flush(): Promise<void> {
    scheduled = false
    const ids = [...wanted]
    wanted.clear()
    const mine = generation
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH)
      let found: Record<Id, FolderPreview>
      try {
        found = await api.call('assets.previews', { folderIds: chunk })
      } catch {
        // A folder gone or no longer shared since it was listed: these tiles keep their folder icon.
        found = Object.fromEntries(chunk.map((id) => [id, []]))
      }
      if (mine !== generation) return
      set((s) => ({ folderPreviews: { ...s.folderPreviews, ...found } }))
    }
  }

  return {
    folderPreviews: {},
    previewGeneration: 0,

    wantFolderPreviews(folderId) {
      if (asked.has(folderId)) return
      asked.add(folderId)
      wanted.add(folderId)
      if (!scheduled) {
        scheduled = true
        setTimeout(() => void flush(), 0)
      }
    },

    forgetFolderPreviews: forget,
  }
}
