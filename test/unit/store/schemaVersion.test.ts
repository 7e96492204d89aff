import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../main/core/index.js'
import { CURRENT_SCHEMA_VERSION, LEGACY_SCHEMA_VERSION, SEGMENTS_SCHEMA_VERSION, MIGRATIONS, migrate, type Migration } from '../../../main/core/store/migrations.js'
import { emptyTables, type SnapshotData } from '../../../main/core/store/snapshot.js'
import { ADMIN, expectRefused } from '../../support/tempLibrary.js'
import { toLegacyFormat } from './fixtures/legacy.js'
import { removeFolders, tempFolder } from './fixtures/libraryFolders.js'

afterEach(removeFolders)

async function closedLibrary(): Promise<string> {
  const dir = tempFolder()
  await (await openLibrary(dir, { admin: ADMIN })).close()
  return dir
}

function contentsOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, name)
    out[name] = fs.statSync(file).isFile() ? fs.readFileSync(file).toString('base64') : 'folder'
  }
  return out
}

function rewriteSnapshot(dir: string, change: (raw: Record<string, unknown>) => Record<string, unknown>): void {
  const file = path.join(dir, 'library.json')
  fs.writeFileSync(file, JSON.stringify(change(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)))
}

const snapshotAt = (schemaVersion: number): SnapshotData => ({ schemaVersion, seq: 7, libraryId: 'lib', createdAt: 1, tables: emptyTables() })

describe('the schema version of library.json', () => {
  it('refuses a snapshot written by a newer version, naming both versions, and touches nothing', async () => {
    const dir = await closedLibrary()
    rewriteSnapshot(dir, (raw) => ({ ...raw, schemaVersion: CURRENT_SCHEMA_VERSION + 1 }))
    const before = contentsOf(dir)
    const error = await expectRefused(openLibrary(dir), 'LIBRARY_TOO_NEW')
    const file = path.join(dir, 'library.json')
    expect(error.details).toEqual({ file, schemaVersion: CURRENT_SCHEMA_VERSION + 1, supported: CURRENT_SCHEMA_VERSION })
    expect(error.message).toContain(file)
    expect(error.message).toContain(`schema ${CURRENT_SCHEMA_VERSION + 1}`)
    expect(contentsOf(dir)).toEqual(before)
  })

  it('migrates an older one-document snapshot on open with the registered steps, then converts it', async () => {
    const dir = await closedLibrary()
    // An imagined older schema in which assets had a `title` instead of a `name`.
    await toLegacyFormat(dir, (data) => {
      data.schemaVersion = LEGACY_SCHEMA_VERSION - 1
      ;(data.tables as unknown as { assets: unknown[] }).assets = data.tables.assets.map(({ name, ...rest }) => ({ ...rest, title: name }))
    })
    const step: Migration = (raw) => {
      const tables = raw.tables as { assets: { name?: string; title?: string }[] }
      return { ...raw, tables: { ...tables, assets: tables.assets.map(({ title, ...rest }) => ({ ...rest, name: title })) } }
    }
    MIGRATIONS[LEGACY_SCHEMA_VERSION - 1] = step
    try {
      const library = await openLibrary(dir)
      try {
        expect((await library.as(ADMIN.email).call('assets.roots')).map((a) => a.name)).toEqual(['Home'])
      } finally {
        await library.close()
      }
    } finally {
      delete MIGRATIONS[LEGACY_SCHEMA_VERSION - 1]
    }
    expect((JSON.parse(fs.readFileSync(path.join(dir, 'library.json'), 'utf8')) as { schemaVersion: number }).schemaVersion).toBe(SEGMENTS_SCHEMA_VERSION)
  })
})

describe('migrate', () => {
  it('applies the steps in order, each on what the one before returned', () => {
    const calls: string[] = []
    const steps: Record<number, Migration> = {
      1: (raw) => {
        calls.push(`1 saw ${raw.schemaVersion}`)
        return { ...raw, note: 'one' }
      },
      2: (raw) => {
        calls.push(`2 saw ${raw.schemaVersion} ${raw.note}`)
        return { ...raw, note: `${raw.note} two` }
      },
    }
    const out = migrate(snapshotAt(1), steps, 3) as SnapshotData & { note?: string }
    expect(calls).toEqual(['1 saw 1', '2 saw 2 one'])
    expect(out).toMatchObject({ schemaVersion: 3, note: 'one two', seq: 7 })
  })

  it('starts from the version the snapshot has', () => {
    const calls: number[] = []
    const counted = (n: number): Migration => (raw) => {
      calls.push(n)
      return raw
    }
    const steps: Record<number, Migration> = { 1: counted(1), 2: counted(2) }
    expect(migrate(snapshotAt(2), steps, 3).schemaVersion).toBe(3)
    expect(calls).toEqual([2])
    expect(migrate(snapshotAt(3), steps, 3)).toEqual(snapshotAt(3))
    expect(calls).toEqual([2])
  })

  it('refuses a snapshot for which a step is missing', () => {
    const steps: Record<number, Migration> = { 1: (raw) => raw, 3: (raw) => raw }
    expect(() => migrate(snapshotAt(1), steps, 4)).toThrow('No migration from library schema 2 to 3')
  })
})
