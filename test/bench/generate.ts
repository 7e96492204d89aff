import fs from 'node:fs'
import path from 'node:path'
import type { ActivityRecord, AssetRecord, FileRecord, FolderRecord, Id } from '../../shared/domain.js'
import type { Change } from '../../main/core/store/change.js'
import { writeLibraryFiles } from '../../main/core/store/fileRecordLog.js'
import { CURRENT_SCHEMA_VERSION } from '../../main/core/store/migrations.js'
import { emptyTables, type SnapshotData } from '../../main/core/store/snapshot.js'
import { buildTree, type Tree } from './tree.js'
import { buildPeople, type People } from './people.js'
import { Prng } from './prng.js'
import type { Scale } from './scale.js'
import { buildSharing } from './sharing.js'
import { FOLDER_WORDS, TAGS } from './vocabulary.js'

/** What the figures need to know about a generated library. */
export interface BenchLibrary {
  dir: string
  adminId: Id
  restrictedIds: Id[]
  fileIds: Id[]
  bigFolderId: Id
  viewerId: Id
  editorId: Id
  /** Folders and files inside the editor's top-level folder, where the editor may contribute. */
  editorFolderIds: Id[]
  editorFileIds: Id[]
  /** A name substring with hundreds of matches the viewer can see and thousands they cannot. */
  searchTerm: string
  snapshotBytes: number
  journalBytes: number
  records: number
  maxDepth: number
}

/** Timestamps from the start of 2022, a few minutes apart: about two years of history at full scale. */
const EPOCH = Date.UTC(2022, 0, 1)

/**
 * Writes `library.json` (through the store's own snapshot writer, so the text is exactly
 * what a compaction produces) and a `journal.jsonl` of later changes into `dir`.
 */
export async function generateLibrary(dir: string, scale: Scale, seed: number): Promise<BenchLibrary> {
  const prng = new Prng(seed)
  let now = EPOCH
  const clock = () => (now += 1 + prng.int(600_000))
  const people = buildPeople(prng, scale, clock)
  const tree = buildTree(prng, scale, people, clock)
  const sharing = buildSharing(prng, scale, people, tree, clock)
  const activity = buildActivity(prng, scale, people, tree, clock)

  const tables = emptyTables()
  tables.users = people.users
  tables.groups = people.groups
  tables.memberships = people.memberships
  tables.assets = [...tree.folders, ...tree.files]
  tables.fields = tree.fields
  tables.comments = tree.comments
  tables.collections = sharing.collections
  tables.associations = sharing.associations
  tables.grants = sharing.grants
  tables.activity = activity
  const seq = 250_000
  const snapshot: SnapshotData = { schemaVersion: CURRENT_SCHEMA_VERSION, seq, libraryId: prng.uuid(), createdAt: EPOCH, tables }
  fs.mkdirSync(dir, { recursive: true })
  await writeLibraryFiles(dir, snapshot)

  const lines = buildJournal(prng, scale, seq, people, tree, clock).map((c) => `${JSON.stringify(c)}\n`)
  fs.writeFileSync(path.join(dir, 'journal.jsonl'), lines.join(''))

  const editorFolderIds: Id[] = []
  const editorFileIds: Id[] = []
  const within = (id: Id, ancestor: Id) => {
    for (let p: Id | null = id; p !== null; p = tree.parentOf.get(p) ?? null) if (p === ancestor) return true
    return false
  }
  for (const asset of tables.assets) {
    if (!within(asset.id, sharing.editorFolderId)) continue
    ;(asset.kind === 'folder' ? editorFolderIds : editorFileIds).push(asset.id)
  }
  return {
    dir,
    adminId: people.adminId,
    restrictedIds: people.restrictedIds,
    fileIds: tree.files.map((f) => f.id),
    bigFolderId: tree.bigFolderId,
    viewerId: sharing.viewerId,
    editorId: sharing.editorId,
    editorFolderIds,
    editorFileIds,
    searchTerm: 'beach',
    snapshotBytes: fs.readdirSync(path.join(dir, 'segments')).reduce((n, name) => n + fs.statSync(path.join(dir, 'segments', name)).size, 0),
    journalBytes: lines.reduce((n, l) => n + Buffer.byteLength(l), 0),
    records: Object.values(tables).reduce((n, rows) => n + rows.length, 0),
    maxDepth: deepest(tree.depthOf.values()),
  }
}

/** Math.max(...values) overflows the call stack at a million arguments. */
function deepest(depths: Iterable<number>): number {
  let max = 0
  for (const d of depths) if (d > max) max = d
  return max
}

function buildActivity(prng: Prng, scale: Scale, people: People, tree: Tree, clock: () => number): ActivityRecord[] {
  const out: ActivityRecord[] = []
  for (let i = 0; i < scale.activity; i++) {
    const file = prng.pick(tree.files)
    out.push({ id: prng.uuid(), at: clock(), actorId: prng.pick(people.staffIds), action: 'files.upload', ids: [file.id, file.parentId], summary: `uploaded ${file.name}` })
  }
  return out
}

/** Tag edits and new folders, as the store journals them: whole records put, with their activity entry. */
function buildJournal(prng: Prng, scale: Scale, seq: number, people: People, tree: Tree, clock: () => number): Change[] {
  const changes: Change[] = []
  const latest = new Map<Id, FileRecord>()
  const parents = tree.folders.filter((f) => tree.depthOf.get(f.id)! < scale.maxDepth)
  for (let i = 0; i < scale.journalChanges; i++) {
    const at = clock()
    const actor = prng.pick(people.staffIds)
    let put: AssetRecord
    let summary: string
    if (i % 2 === 0) {
      const picked = prng.pick(tree.files)
      const file = latest.get(picked.id) ?? picked
      const tag = prng.pick(TAGS)
      put = { ...file, tags: file.tags.includes(tag) ? file.tags : [...file.tags, tag], updatedAt: at }
      latest.set(file.id, put)
      summary = `tagged 1 file(s) with ${tag}`
    } else {
      const parent = prng.pick(parents)
      const folder: FolderRecord = { id: prng.uuid(), kind: 'folder', name: `${prng.pick(FOLDER_WORDS)} j${i}`, parentId: parent.id, createdBy: actor, createdAt: at, updatedAt: at }
      put = folder
      summary = `created folder ${folder.name}`
    }
    const entry: ActivityRecord = { id: prng.uuid(), at, actorId: actor, action: i % 2 === 0 ? 'tags.add' : 'folders.create', ids: [put.id], summary }
    changes.push({ seq: seq + i + 1, at, actor, op: entry.action, put: { assets: [put], activity: [entry] }, del: [] })
  }
  return changes
}
