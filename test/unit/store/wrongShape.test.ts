import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../main/core/index.js'
import { ADMIN, expectRefused } from '../../support/tempLibrary.js'
import { toLegacyFormat } from './fixtures/legacy.js'
import { removeFolders, tempFolder } from './fixtures/libraryFolders.js'

afterEach(removeFolders)

/** A closed library with a folder; in the one-document format if `legacy`. */
async function closedLibrary(legacy = false): Promise<{ dir: string }> {
  const dir = tempFolder()
  const library = await openLibrary(dir, { admin: ADMIN })
  const [home] = await library.as(ADMIN.email).call('assets.roots')
  await library.as(ADMIN.email).call('folders.create', { parentId: home.id, name: 'Alpha' })
  await library.close()
  if (legacy) await toLegacyFormat(dir)
  return { dir }
}

function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of fs.readdirSync(dir)) if (fs.statSync(path.join(dir, name)).isFile()) out[name] = fs.readFileSync(path.join(dir, name)).toString('base64')
  return out
}

async function expectCorrupt(dir: string, file: string, position: number, words: string): Promise<void> {
  const before = contents(dir)
  const error = await expectRefused(openLibrary(dir), 'LIBRARY_CORRUPT')
  expect(error.details).toMatchObject({ file, position })
  expect(error.message).toContain(file)
  expect(error.message).toContain(words)
  expect(contents(dir), 'the refused open changed nothing').toEqual(before)
  expect(fs.existsSync(path.join(dir, 'library.lock'))).toBe(false)
}

function editSnapshot(dir: string, edit: (raw: { tables: Record<string, unknown[]> } & Record<string, unknown>) => void): string {
  const file = path.join(dir, 'library.json')
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { tables: Record<string, unknown[]> }
  edit(raw)
  fs.writeFileSync(file, JSON.stringify(raw, null, 1))
  return fs.readFileSync(file, 'utf8')
}

describe('a library file of the one-document format and the wrong shape', () => {
  it('with tables: null is refused as damaged at the tables', async () => {
    const { dir } = await closedLibrary(true)
    const text = editSnapshot(dir, (raw) => {
      ;(raw as Record<string, unknown>).tables = null
    })
    await expectCorrupt(dir, path.join(dir, 'library.json'), text.indexOf('null'), 'tables are not an object')
  })

  it('with a null record is refused as damaged at that record', async () => {
    const { dir } = await closedLibrary(true)
    const text = editSnapshot(dir, (raw) => {
      raw.tables.assets.splice(1, 0, null)
    })
    // Indented one space a level, the records of a table stand three spaces in.
    const at = text.indexOf('\n   null', text.indexOf('"assets"')) + 4
    await expectCorrupt(dir, path.join(dir, 'library.json'), at, 'assets record 1')
  })

  it('with a record without an id, or an unknown table, is refused', async () => {
    const { dir } = await closedLibrary(true)
    let text = editSnapshot(dir, (raw) => {
      delete (raw.tables.users[0] as { id?: string }).id
    })
    await expectCorrupt(dir, path.join(dir, 'library.json'), text.indexOf('{', text.indexOf('"users"')), 'no id')
    text = editSnapshot(dir, (raw) => {
      raw.tables.users[0] = { ...(raw.tables.users[0] as object), id: 'u' }
      raw.tables.gadgets = []
    })
    await expectCorrupt(dir, path.join(dir, 'library.json'), text.indexOf('[', text.indexOf('"gadgets"')), 'unknown table "gadgets"')
  })

  it.each([
    ['a line with a seq only', (seq: number) => ({ seq }), 'no time'],
    ['a put into an unknown table', (seq: number) => ({ seq, at: 1, actor: null, op: 'x', put: { gadgets: [{ id: 'g' }] }, del: [] }), 'unknown table "gadgets"'],
    ['a null record', (seq: number) => ({ seq, at: 1, actor: null, op: 'x', put: { assets: [null] }, del: [] }), 'not an object'],
    ['a delete from an unknown table', (seq: number) => ({ seq, at: 1, actor: null, op: 'x', put: {}, del: [['gadgets', 'g']] }), 'deletes'],
  ])('with a journal holding %s is refused as damaged at that line, even as the last line', async (_, line, words) => {
    const { dir } = await closedLibrary()
    const seq = (JSON.parse(fs.readFileSync(path.join(dir, 'library.json'), 'utf8')) as { seq: number }).seq
    const journal = path.join(dir, 'journal.jsonl')
    const good = `${JSON.stringify({ seq: seq + 1, at: 1, actor: null, op: 'x', put: {}, del: [] })}\n`
    fs.writeFileSync(journal, `${good}${JSON.stringify(line(seq + 2))}\n`)
    await expectCorrupt(dir, journal, good.length, words)
  })
})

describe('a segment of the wrong shape', () => {
  it.each([
    ['null', 'not an object'],
    ['{"name":"no id"}', 'no id'],
    ['{"id":"x",', 'JSON'],
  ])('holding the line %s is refused as damaged at that line, with its path', async (bad, words) => {
    const { dir } = await closedLibrary()
    const folder = path.join(dir, 'segments')
    const name = fs.readdirSync(folder).find((n) => n.startsWith('assets-') && n.endsWith('.jsonl'))!
    const file = path.join(folder, name)
    const lines = fs.readFileSync(file, 'utf8').split('\n')
    lines.splice(1, 0, bad)
    fs.writeFileSync(file, lines.join('\n'))
    const before = contents(dir)
    const error = await expectRefused(openLibrary(dir), 'LIBRARY_CORRUPT')
    expect(error.message).toContain(file)
    expect(error.message).toContain(words)
    const position = lines[0].length + 1
    expect(error.details).toMatchObject({ file, line: 2 })
    expect((error.details as { position: number }).position).toBeGreaterThanOrEqual(position)
    expect((error.details as { position: number }).position).toBeLessThanOrEqual(position + bad.length)
    expect(contents(dir)).toEqual(before)
  })
})
