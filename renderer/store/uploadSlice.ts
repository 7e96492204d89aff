import type { StateCreator } from 'zustand'
import type { Id } from '../../shared/domain.js'
import { AppError } from '../../shared/errors.js'
import { api } from '../api/index.js'
import { toBase64 } from './base64.js'
import type { TroveState } from './types.js'

/**
 * Inline uploads travel as base64 in one request, which the browser and main both hold in
 * memory; bigger files go through the desktop's streamed import.
 */
export const MAX_INLINE_UPLOAD = 100 * 1024 * 1024

/** A file to upload and the folders (relative to the target) it sits in, so a folder keeps its structure. */
export interface UploadEntry {
  file: File
  dirs: string[]
}

export interface UploadProgress {
  done: number
  total: number
  bytesDone: number
  bytesTotal: number
  current: string
  failed: number
}

export interface UploadSlice {
  uploads: UploadProgress | null
  /** Into the open folder unless another is named (a drop on a folder). */
  uploadFiles(files: File[], folderId?: Id): Promise<void>
  uploadTree(entries: UploadEntry[], folderId?: Id): Promise<void>
  /**
   * The desktop's native picker, then the streamed import of what was picked (the imports
   * slice: a plan, a choice about name clashes, progress). False where there is no native
   * picker (a browser), so the caller uses a file input instead.
   */
  importFromDisk(kind: 'files' | 'folder', folderId?: Id): Promise<boolean>
}

export const uploadInitial = { uploads: null } satisfies Partial<UploadSlice>

export const createUploadSlice: StateCreator<TroveState, [], [], UploadSlice> = (set, get) => {
  /** One upload at a time: a second drop waits for the first, so progress stays readable. */
  let queue: Promise<void> = Promise.resolve()

  /** Creates the folders an entry needs, reusing one that is already there (main names it in the CONFLICT). */
  async function ensureFolder(cache: Map<string, Id | null>, root: Id, dirs: string[]): Promise<Id | null> {
    let parentId: Id = root
    for (let i = 0; i < dirs.length; i++) {
      const key = dirs.slice(0, i + 1).join('/')
      if (!cache.has(key)) {
        try {
          const folder = await api.call('folders.create', { parentId, name: dirs[i] })
          get().remember([folder])
          cache.set(key, folder.id)
        } catch (error) {
          const existingId = (error as { code?: string; details?: { existingId?: string } }).details?.existingId
          const existing = existingId ? await api.call('assets.get', { id: existingId }).catch(() => null) : null
          if (existing?.kind === 'folder') cache.set(key, existing.id)
          else {
            // Everything below a folder that could not be made fails with it: say so once.
            cache.set(key, null)
            get().reportError(error)
          }
        }
      }
      const id = cache.get(key)
      if (!id) return null
      parentId = id
    }
    return parentId
  }

  async function run(entries: UploadEntry[], root: Id): Promise<void> {
    const total = entries.length
    const bytesTotal = entries.reduce((n, e) => n + e.file.size, 0)
    const progress: UploadProgress = { done: 0, total, bytesDone: 0, bytesTotal, current: entries[0]?.file.name ?? '', failed: 0 }
    const cache = new Map<string, Id | null>()
    try {
      for (const { file, dirs } of entries) {
        set({ uploads: { ...progress, current: file.name } })
        try {
          if (file.size > MAX_INLINE_UPLOAD) {
            throw new AppError('LIMIT_EXCEEDED', `"${file.name}" is larger than ${MAX_INLINE_UPLOAD / 1024 / 1024} MB, the most a browser upload takes. Import it in the desktop app.`)
          }
          const folderId = await ensureFolder(cache, root, dirs)
          if (folderId === null) progress.failed++
          else {
            const base64 = toBase64(new Uint8Array(await file.arrayBuffer()))
            get().remember([await api.call('files.upload', { folderId, name: file.name, base64 })])
          }
        } catch (error) {
          progress.failed++
          get().reportError(error)
        }
        progress.done++
        progress.bytesDone += file.size
      }
    } finally {
      set({ uploads: null })
      await get().refreshVisible()
    }
  }

  return {
    ...uploadInitial,

    uploadFiles(files, folderId) {
      return get().uploadTree(files.map((file) => ({ file, dirs: [] })), folderId)
    },

    uploadTree(entries, folderId) {
      const root = folderId ?? get().folderId
      if (root === null || entries.length === 0) return Promise.resolve()
      queue = queue.then(() => run(entries, root))
      return queue
    },

    async importFromDisk(kind, folderId) {
      if (!api.desktop) return false
      const root = folderId ?? get().folderId
      if (root === null) return true
      try {
        const picked = kind === 'files' ? await api.call('dialogs.openFiles', { multiple: true }) : await api.call('dialogs.openFolder')
        if (!picked.available) return false
        if (picked.paths.length > 0) await get().importPaths(picked.paths, root)
      } catch (error) {
        get().reportError(error)
      }
      return true
    },
  }
}
