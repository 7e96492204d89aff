/**
 * Run in a child of its own by libraryCache.ts: `DIR SCALE_JSON SEED` generates the library
 * into DIR and leaves what the figures need to know of it in DIR/bench-meta.json.
 */
import fs from 'node:fs'
import path from 'node:path'
import { generateLibrary } from './generate.js'
import type { LibraryMeta } from './libraryCache.js'
import { now } from './measure.js'
import type { Scale } from './scale.js'

async function main(): Promise<void> {
  const [dir, scaleJson, seed] = process.argv.slice(2)
  const scale = JSON.parse(scaleJson) as Scale
  fs.rmSync(dir, { recursive: true, force: true })
  const start = now()
  const lib = await generateLibrary(dir, scale, Number(seed))
  const meta: LibraryMeta = {
    files: scale.files,
    adminId: lib.adminId,
    restrictedIds: lib.restrictedIds,
    viewerId: lib.viewerId,
    editorId: lib.editorId,
    bigFolderId: lib.bigFolderId,
    editorFolderIds: lib.editorFolderIds,
    editorFileIds: lib.editorFileIds,
    searchTerm: lib.searchTerm,
    snapshotBytes: lib.snapshotBytes,
    journalBytes: lib.journalBytes,
    records: lib.records,
    maxDepth: lib.maxDepth,
    generatedSeconds: (now() - start) / 1000,
  }
  fs.writeFileSync(path.join(dir, 'bench-meta.json'), JSON.stringify(meta))
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
