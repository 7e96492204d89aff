import type { Caller, Library } from '../../main/core/library.js'
import type { BenchLibrary } from './generate.js'

/**
 * The measured change: a restricted user with contribute on one top-level folder
 * alternately creates a folder in it and tags one of its files, through the same
 * dispatcher as IPC and HTTP (validation, permission checks, activity entry, fsync).
 */
export class ChangeMaker {
  private readonly editor: Caller
  private count = 0

  constructor(
    library: Library,
    private readonly lib: BenchLibrary,
  ) {
    this.editor = library.as(lib.editorId)
  }

  next(): Promise<unknown> {
    const n = this.count++
    if (n % 2 === 0) {
      const parentId = this.lib.editorFolderIds[(n >> 1) % this.lib.editorFolderIds.length]
      return this.editor.call('folders.create', { parentId, name: `Review ${n}` })
    }
    // Walking the files in order spreads the tags, so no file grows a long tag list.
    const fileId = this.lib.editorFileIds[(n >> 1) % this.lib.editorFileIds.length]
    return this.editor.call('tags.add', { ids: [fileId], tags: [`round-${n}`] })
  }
}
