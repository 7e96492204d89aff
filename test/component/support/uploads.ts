import { AppError } from '../../../shared/errors.js'
import type { AssetView } from '../../../shared/views.js'
import type { Handlers } from './mockApi.js'
import { file, folder } from './views.js'

/**
 * Main's side of uploads, as folders.create and files.upload answer: what is made lands in
 * `assets`, so listings asked for afterwards show it; a taken name is refused with CONFLICT
 * unless the upload says what to do with it. An upload waits for `gate` when one is given.
 */
export function uploadHandlers(assets: AssetView[], gate?: Promise<void>): Partial<Handlers> {
  let n = 0
  return {
    'folders.create': ({ parentId, name }) => {
      const existing = assets.find((a) => a.parentId === parentId && a.name === name)
      if (existing) throw new AppError('CONFLICT', `"${name}" is taken.`, { parentId, name, existingId: existing.id })
      const made = folder(`new${++n}`, name, parentId)
      assets.push(made)
      return made
    },
    'files.upload': async ({ folderId, name, onConflict }) => {
      await gate
      const existing = assets.find((a) => a.parentId === folderId && a.name === name)
      if (existing && !onConflict) throw new AppError('CONFLICT', `"Home" already holds something named "${name}".`, { parentId: folderId, name, existingId: existing.id })
      if (existing && onConflict === 'replace') return existing
      const made = file(`up${++n}`, existing ? name.replace('.', ' (copy).') : name, folderId)
      assets.push(made)
      return made
    },
  }
}

/** A picked or dropped PNG; `path` is where it sits in a picked folder. */
export function png(name: string, path?: string): File {
  const f = new File([`bytes of ${name}`], name, { type: 'image/png' })
  if (path) Object.defineProperty(f, 'webkitRelativePath', { value: path })
  return f
}
