import type { UploadEntry } from '../../store/uploadSlice.js'

/** A folder picked with `webkitdirectory`: each file says where it sits (`Trip/day 1/a.jpg`). */
export function entriesFromFileList(files: File[]): UploadEntry[] {
  return files.map((file) => {
    const parts = (file.webkitRelativePath || file.name).split('/').filter(Boolean)
    return { file, dirs: parts.slice(0, -1) }
  })
}

/** Minimal shapes of the File and Directory Entries API, which TypeScript's DOM library types loosely. */
interface Entry {
  isFile: boolean
  isDirectory: boolean
  name: string
}
interface FileEntry extends Entry {
  file(ok: (file: File) => void, fail: (error: unknown) => void): void
}
interface DirectoryEntry extends Entry {
  createReader(): { readEntries(ok: (entries: Entry[]) => void, fail: (error: unknown) => void): void }
}

async function walk(entry: Entry, dirs: string[], out: UploadEntry[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((ok, fail) => (entry as FileEntry).file(ok, fail))
    out.push({ file, dirs })
    return
  }
  if (!entry.isDirectory) return
  const reader = (entry as DirectoryEntry).createReader()
  // readEntries answers in batches (about 100 at a time) until it answers with none.
  for (;;) {
    const batch = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail))
    if (batch.length === 0) break
    for (const child of batch) await walk(child, [...dirs, entry.name], out)
  }
}

/**
 * What was dropped from the desktop: files, and folders with everything in them. The entries
 * must be taken during the drop event itself (the browser empties the data transfer after it),
 * so this is called synchronously and returns a promise of the walk.
 */
export function entriesFromDrop(data: DataTransfer): Promise<UploadEntry[]> {
  const items = [...(data.items ?? [])].filter((i) => i.kind === 'file')
  const entries = items.map((i) => (typeof i.webkitGetAsEntry === 'function' ? (i.webkitGetAsEntry() as Entry | null) : null))
  if (entries.length === 0 || entries.some((e) => e === null)) {
    return Promise.resolve([...(data.files ?? [])].map((file) => ({ file, dirs: [] })))
  }
  return (async () => {
    const out: UploadEntry[] = []
    for (const entry of entries) await walk(entry!, [], out)
    return out
  })()
}
