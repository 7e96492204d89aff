import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openLibrary, type Library } from '../../../main/core/index.js'
import { SEGMENTS_SCHEMA_VERSION } from '../../../main/core/store/migrations.js'
import { readLimits, type SnapshotData } from '../../../main/core/store/snapshot.js'
import { TABLE_NAMES } from '../../../shared/domain.js'
import { ADMIN, expectRefused } from '../../support/tempLibrary.js'
import { holdManifestWrites } from './fixtures/hold.js'
import { toLegacyFormat } from './fixtures/legacy.js'
import { crashImage, removeFolders, tempFolder } from './fixtures/libraryFolders.js'

const realLimit = readLimits.maxStringChars
afterEach(() => {
  readLimits.maxStringChars = realLimit
  vi.restoreAllMocks()
  removeFolders()
})

/** A library in the one-document format with `folders` folders and an activity entry each. */
async function legacyLibrary(folders: number): Promise<{ dir: string; data: SnapshotData }> {
  const dir = tempFolder()
  const library = await openLibrary(dir, { admin: ADMIN })
  const admin = library.as(ADMIN.email)
  const [home] = await admin.call('assets.roots')
  for (let i = 0; i < folders; i++) await admin.call('folders.create', { parentId: home.id, name: `Folder ${i} ${'ü'.repeat(i % 7)} "quoted" back` })
  await library.close()
  return { dir, data: await toLegacyFormat(dir) }
}

const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))

function expectRecords(library: Library, data: SnapshotData): void {
  for (const name of TABLE_NAMES) {
    expect(byId([...library.core.store.tables[name].values()]), name).toEqual(byId(data.tables[name]))
  }
  expect(library.core.store.seq).toBe(data.seq)
}

async function openAndCheck(dir: string, data: SnapshotData): Promise<void> {
  const library = await openLibrary(dir)
  try {
    expectRecords(library, data)
  } finally {
    await library.close()
  }
}

describe('a library in the one-document format', () => {
  it('opens with identical records, is converted to segments, and keeps the old file in backups/', async () => {
    const { dir, data } = await legacyLibrary(30)
    const old = fs.readFileSync(path.join(dir, 'library.json'))
    await openAndCheck(dir, data)
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'library.json'), 'utf8')) as { schemaVersion: number; segments: unknown[] }
    expect(manifest.schemaVersion).toBe(SEGMENTS_SCHEMA_VERSION)
    expect(manifest.segments.length).toBeGreaterThan(0)
    const backup = fs.readdirSync(path.join(dir, 'backups')).find((n) => n.endsWith('.json'))!
    expect(backup).toMatch(new RegExp(`^library-0*${data.seq}-\\d+\\.json$`))
    expect(fs.readFileSync(path.join(dir, 'backups', backup)).equals(old)).toBe(true)
    // And again, from the segments.
    await openAndCheck(dir, data)
  })

  it('longer than the longest string is read in slices, never as one string', async () => {
    const { dir, data } = await legacyLibrary(60)
    const size = fs.statSync(path.join(dir, 'library.json')).size
    readLimits.maxStringChars = Math.floor(size / 8)
    const parse = vi.spyOn(JSON, 'parse')
    await openAndCheck(dir, data)
    const longest = Math.max(...parse.mock.calls.map(([text]) => String(text).length))
    expect(longest).toBeLessThan(readLimits.maxStringChars)
    readLimits.maxStringChars = realLimit
    await openAndCheck(dir, data)
  })

  it('longer than the longest string and damaged is refused with the position, and left as it is', async () => {
    const { dir } = await legacyLibrary(40)
    const file = path.join(dir, 'library.json')
    const text = fs.readFileSync(file, 'utf8')
    const cut = text.slice(0, Math.floor(text.length * 0.6))
    fs.writeFileSync(file, cut)
    readLimits.maxStringChars = Math.floor(cut.length / 8)
    const error = await expectRefused(openLibrary(dir), 'LIBRARY_CORRUPT')
    expect(error.details).toMatchObject({ file, position: cut.length })
    const at = text.indexOf('"Folder 3 ')
    fs.writeFileSync(file, `${text.slice(0, at)}x${text.slice(at + 1)}`)
    const second = await expectRefused(openLibrary(dir), 'LIBRARY_CORRUPT')
    expect(second.details).toMatchObject({ file, position: at })
    expect(fs.existsSync(path.join(dir, 'segments')) ? fs.readdirSync(path.join(dir, 'segments')) : []).toEqual([])
    expect(fs.readFileSync(file, 'utf8')).toBe(`${text.slice(0, at)}x${text.slice(at + 1)}`)
  })

  it('with later changes in its journal opens with them', async () => {
    const { dir } = await legacyLibrary(3)
    const legacy = fs.readFileSync(path.join(dir, 'library.json'))
    // The journal a library of the old format had: changes after its snapshot.
    const library = await openLibrary(dir)
    const [home] = await library.as(ADMIN.email).call('assets.roots')
    const made = await library.as(ADMIN.email).call('folders.create', { parentId: home.id, name: 'Later' })
    const journal = fs.readFileSync(path.join(dir, 'journal.jsonl'))
    await library.close()
    fs.rmSync(path.join(dir, 'segments'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'library.json'), legacy)
    fs.writeFileSync(path.join(dir, 'journal.jsonl'), journal)
    const again = await openLibrary(dir)
    try {
      expect(again.core.store.tables.assets.get(made.id)?.name).toBe('Later')
    } finally {
      await again.close()
    }
  })

  it('loses nothing when the conversion is cut before the manifest lands', async () => {
    const { dir, data } = await legacyLibrary(20)
    const hold = holdManifestWrites()
    const opening = openLibrary(dir)
    await hold.started()
    const image = crashImage(dir)
    hold.release()
    await (await opening).close()
    vi.restoreAllMocks()
    expect(fs.readdirSync(path.join(image, 'segments')).length, 'segments written').toBeGreaterThan(0)
    expect(JSON.parse(fs.readFileSync(path.join(image, 'library.json'), 'utf8')).tables, 'still the old file').toBeDefined()
    await openAndCheck(image, data)
    await openAndCheck(dir, data)
  })
})
