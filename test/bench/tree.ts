import type {
  CommentRecord, FileRecord, FileVersion, FolderRecord, Id, MetadataFieldRecord, MetadataValue,
} from '../../shared/domain.js'
import { HOME_NAME } from '../../shared/domain.js'
import { SYSTEM_ID } from '../../main/core/library.js'
import type { People } from './people.js'
import type { Prng } from './prng.js'
import type { Scale } from './scale.js'
import { ADJECTIVES, FILE_TYPES, FOLDER_WORDS, NOUNS, TAGS, TOP_FOLDERS } from './vocabulary.js'

export interface Tree {
  folders: FolderRecord[]
  files: FileRecord[]
  fields: MetadataFieldRecord[]
  comments: CommentRecord[]
  homeId: Id
  bigFolderId: Id
  topFolderIds: Id[]
  parentOf: Map<Id, Id | null>
  depthOf: Map<Id, number>
}

const TYPE_WEIGHT_TOTAL = FILE_TYPES.reduce((n, t) => n + t.weight, 0)

/**
 * Home, a dozen top-level folders, one large folder, then folders hung under random
 * shallower ones down to `maxDepth`; files spread over them in random order, so that the
 * large folder's files are scattered through the snapshot as they would be after years of uploads.
 */
export function buildTree(prng: Prng, scale: Scale, people: People, clock: () => number): Tree {
  const folders: FolderRecord[] = []
  const parentOf = new Map<Id, Id | null>()
  const depthOf = new Map<Id, number>()
  const creator = () => (prng.chance(0.08) ? prng.pick(people.restrictedIds) : prng.pick(people.staffIds))
  const addFolder = (name: string, parentId: Id | null, createdBy: Id): FolderRecord => {
    const at = clock()
    const folder: FolderRecord = { id: prng.uuid(), kind: 'folder', name, parentId, createdBy, createdAt: at, updatedAt: at }
    folders.push(folder)
    parentOf.set(folder.id, parentId)
    depthOf.set(folder.id, parentId === null ? 0 : depthOf.get(parentId)! + 1)
    return folder
  }
  const home = addFolder(HOME_NAME, null, SYSTEM_ID)
  const tops = TOP_FOLDERS.map((name) => addFolder(name, home.id, people.adminId))
  const big = addFolder('Product Shots', prng.pick(tops).id, people.adminId)
  // Parents for further folders: not the large folder (its children are counted exactly), not the deepest level.
  const open: FolderRecord[] = [...tops]
  while (folders.length < scale.folders) {
    const parent = prng.pick(open)
    const folder = addFolder(`${prng.pick(FOLDER_WORDS)} ${folders.length}`, parent.id, creator())
    if (depthOf.get(folder.id)! < scale.maxDepth) open.push(folder)
  }

  const fields = buildFields(prng, clock)
  const others = folders.filter((f) => f.id !== big.id)
  const parents: Id[] = []
  for (let i = 0; i < scale.bigFolderChildren; i++) parents.push(big.id)
  while (parents.length < scale.files) parents.push(prng.pick(others).id)
  prng.shuffle(parents)
  const files = parents.map((parentId, i) => buildFile(prng, i, parentId, creator(), fields, people, clock))
  for (const f of files) parentOf.set(f.id, f.parentId)

  const comments: CommentRecord[] = []
  for (let i = 0; i < scale.comments; i++) {
    const file = prng.pick(files)
    const at = clock()
    comments.push({ id: prng.uuid(), fileId: file.id, authorId: prng.pick(people.users).id, text: `Looks good, but crop the ${prng.pick(NOUNS)} a little tighter?`, createdAt: at, updatedAt: at })
  }
  return { folders, files, fields, comments, homeId: home.id, bigFolderId: big.id, topFolderIds: tops.map((t) => t.id), parentOf, depthOf }
}

function buildFields(prng: Prng, clock: () => number): MetadataFieldRecord[] {
  return [
    { id: prng.uuid(), name: 'Photographer', type: 'text', options: [], createdAt: clock() },
    { id: prng.uuid(), name: 'Status', type: 'singleSelect', options: ['Draft', 'In review', 'Approved', 'Retired'], createdAt: clock() },
    { id: prng.uuid(), name: 'Rating', type: 'number', options: [], createdAt: clock() },
    { id: prng.uuid(), name: 'Licensed', type: 'boolean', options: [], createdAt: clock() },
    { id: prng.uuid(), name: 'Channels', type: 'multiSelect', options: ['Web', 'Print', 'Social', 'Retail'], createdAt: clock() },
  ]
}

function buildFile(prng: Prng, index: number, parentId: Id, createdBy: Id, fields: MetadataFieldRecord[], people: People, clock: () => number): FileRecord {
  let roll = prng.int(TYPE_WEIGHT_TOTAL)
  const type = FILE_TYPES.find((t) => (roll -= t.weight) < 0)!
  // Camera names for some, descriptive names for most: both kinds are what people search in.
  const name = prng.chance(0.3) && type.image
    ? `IMG_${String(index).padStart(6, '0')}.${type.ext}`
    : `${prng.pick(ADJECTIVES)}-${prng.pick(NOUNS)}-${index}.${type.ext}`
  const createdAt = clock()
  const count = prng.chance(0.7) ? 1 : prng.chance(0.66) ? 2 : prng.between(3, 5)
  const versions: FileVersion[] = []
  for (let n = 1; n <= count; n++) {
    const version: FileVersion = {
      number: n,
      hash: prng.hex(64),
      size: prng.between(20_000, type.image ? 25_000_000 : 200_000_000),
      mime: type.mime,
      createdBy: n === 1 ? createdBy : prng.pick(people.staffIds),
      createdAt: createdAt + (n - 1) * 86_400_000,
    }
    if (type.image) {
      version.width = prng.between(640, 8000)
      version.height = prng.between(480, 6000)
    }
    versions.push(version)
  }
  const metadata: Record<Id, MetadataValue> = {}
  if (prng.chance(0.3)) {
    metadata[fields[0].id] = `${prng.pick(['Ada', 'Ben', 'Rosa', 'Hugo'])} ${prng.pick(['Costa', 'Ito', 'Weber'])}`
    metadata[fields[1].id] = prng.pick(fields[1].options)
    if (prng.chance(0.5)) metadata[fields[2].id] = prng.between(1, 5)
    if (prng.chance(0.5)) metadata[fields[3].id] = prng.chance(0.5)
    if (prng.chance(0.3)) metadata[fields[4].id] = prng.sample(fields[4].options, prng.between(1, 3))
  }
  const x = prng.float() * 0.5
  const y = prng.float() * 0.5
  return {
    id: prng.uuid(),
    kind: 'file',
    name,
    parentId,
    createdBy,
    createdAt,
    updatedAt: versions[versions.length - 1].createdAt,
    versions,
    // Now and then an older version was restored.
    currentVersion: prng.chance(0.05) ? prng.between(1, count) : count,
    tags: prng.sample(TAGS, prng.between(0, 6)),
    metadata,
    focus: type.image && prng.chance(0.1) ? { x, y, width: 0.25 + prng.float() * 0.25, height: 0.25 + prng.float() * 0.25 } : null,
  }
}
