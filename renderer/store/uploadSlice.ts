import type { StateCreator } from 'zustand'
import type { Id } from '../../shared/domain.js'
import { AppError } from '../../shared/errors.js'
import { api } from '../api/client.js'
import { toBase64 } from './base64.js'
import type { TroveState } from './types.js'
import { onReset } from './resets.js'

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

/** What to do with a file whose name is taken: the import's three choices (docs/feedback.md). */
export type UploadClashChoice = 'keepBoth' | 'replace' | 'skip'

/** The question an upload waits on: a name taken where a file was going. */
export interface UploadClash {
  name: string
  /** The folder holding the name, as the user knows it. */
  folderName: string
  /** More files of the batch still to go, so "apply to all" is worth offering. */
  more: number
}

export interface UploadSlice {
  uploads: UploadProgress | null
  uploadClash: UploadClash | null
  /** Answers the question; `all` applies the choice to every later clash of the same batch. */
  answerUploadClash(choice: UploadClashChoice, all: boolean): void
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

export const uploadInitial = { uploads: null, uploadClash: null } satisfies Partial<UploadSlice>

export const createUploadSlice: StateCreator<TroveState, [], [], UploadSlice> = (set, get, store) => {
  onReset(() => {
    // An upload under way stops at the next file (its answers are dropped, renderer/api/client.ts), so the
    // next actor's uploads do not wait behind it; a question about a taken name goes unanswered.
    batchOf++
    queue = Promise.resolve()
    stopWatching?.()
    stopWatching = null
    answer = null
    set(uploadInitial)
  })
  /** One upload at a time: a second drop waits for the first, so progress stays readable. */
  let queue: Promise<void> = Promise.resolve()
  /** Who is waiting for the answer to the clash on show. */
  let answer: ((choice: { choice: UploadClashChoice; all: boolean }) => void) | null = null
  let stopWatching: (() => void) | null = null
  /** Moves on with each reset: a batch begun for the previous actor goes no further. */
  let batchOf = 0

  function ask(clash: UploadClash): Promise<{ choice: UploadClashChoice; all: boolean }> {
    return new Promise((resolve) => {
      get().openDialog({ kind: 'uploadClash' })
      set({ uploadClash: clash })
      answer = resolve
      // The question closed any other way (Escape, another dialog over it) is a skip: the upload must not wait forever.
      stopWatching = store.subscribe((s) => {
        if (s.dialog?.kind !== 'uploadClash') get().answerUploadClash('skip', false)
      })
    })
  }

  /**
   * Uploads one file; when its name is taken, asks once per batch (unless the user said to
   * ask about each) and lets main do the choice in the same call, so the check and the write
   * cannot be split by another change. Null when the file was skipped.
   */
  async function uploadOne(batch: { choice: UploadClashChoice | null }, folderId: Id, file: File, base64: string, more: number) {
    try {
      return await api.call('files.upload', { folderId, name: file.name, base64 })
    } catch (error) {
      const details = (error as { code?: string; details?: { parentId?: string; name?: string } }).details
      if ((error as { code?: string }).code !== 'CONFLICT' || details?.parentId !== folderId) throw error
      let choice = batch.choice
      if (!choice) {
        const folderName = get().byId[folderId]?.name ?? 'This folder'
        const answered = await ask({ name: file.name, folderName, more })
        choice = answered.choice
        if (answered.all) batch.choice = choice
      }
      if (choice === 'skip') return null
      return await api.call('files.upload', { folderId, name: file.name, base64, onConflict: choice })
    }
  }

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
    const batch: { choice: UploadClashChoice | null } = { choice: null }
    let skipped = 0
    const mine = batchOf
    try {
      for (const [index, { file, dirs }] of entries.entries()) {
        if (mine !== batchOf) return
        set({ uploads: { ...progress, current: file.name } })
        try {
          if (file.size > MAX_INLINE_UPLOAD) {
            throw new AppError('LIMIT_EXCEEDED', `"${file.name}" is larger than ${MAX_INLINE_UPLOAD / 1024 / 1024} MB, the most a browser upload takes. Import it in the desktop app.`)
          }
          const folderId = await ensureFolder(cache, root, dirs)
          if (folderId === null) progress.failed++
          else {
            const base64 = toBase64(new Uint8Array(await file.arrayBuffer()))
            if (mine !== batchOf) return
            const uploaded = await uploadOne(batch, folderId, file, base64, entries.length - index - 1)
            if (uploaded) get().remember([uploaded])
            else skipped++
          }
        } catch (error) {
          progress.failed++
          get().reportError(error)
        }
        progress.done++
        progress.bytesDone += file.size
      }
    } finally {
      if (mine === batchOf) {
        set({ uploads: null })
        if (skipped > 0) get().notify(skipped === 1 ? '1 file skipped: its name was taken.' : `${skipped} files skipped: their names were taken.`)
        await get().refreshVisible()
      }
    }
  }

  return {
    ...uploadInitial,

    answerUploadClash(choice, all) {
      stopWatching?.()
      stopWatching = null
      const waiting = answer
      answer = null
      set({ uploadClash: null })
      if (get().dialog?.kind === 'uploadClash') get().closeDialog()
      waiting?.({ choice, all })
    },

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
