import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

let t: TempLibrary
let src: string
beforeEach(async () => {
  t = await tempLibrary()
  src = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-src-'))
})
afterEach(async () => {
  await t.close()
  fs.rmSync(src, { recursive: true, force: true })
})

/** `rel` as bytes names a file whose name is not UTF-8 (its folder made first). */
function write(rel: string | Buffer, content: string | Buffer) {
  if (Buffer.isBuffer(rel)) return fs.writeFileSync(Buffer.concat([Buffer.from(src + path.sep), rel]), content)
  fs.mkdirSync(path.dirname(path.join(src, rel)), { recursive: true })
  fs.writeFileSync(path.join(src, rel), content)
}

/** Library path → content, for everything under a folder. */
async function contents(folderId: string, prefix = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const child of await t.admin.call('assets.list', { folderId })) {
    const p = `${prefix}/${child.name}`
    if (child.kind === 'folder') Object.assign(out, await contents(child.id, p))
    else out[p] = Buffer.from((await t.admin.call('files.read', { fileId: child.id })).base64, 'base64').toString()
  }
  return out
}

describe('import: names as a real disk has them', () => {
  it('imports a file whose name is not valid UTF-8 under its Latin-1 reading, and says so', async () => {
    fs.mkdirSync(path.join(src, 'Legacy'))
    // "latin1-\xe9t.txt": a name written by an old system, as `find` lists it.
    write(Buffer.from('Legacy/latin1-\xe9t.txt', 'latin1'), 'été')
    write('Legacy/plain.txt', 'plain')
    const onDisk = execFileSync('find', [path.join(src, 'Legacy'), '-type', 'f', '-print0']).toString('latin1').split('\0').filter(Boolean)
    expect(onDisk).toHaveLength(2)
    const plan = await t.admin.call('imports.plan', { sources: [path.join(src, 'Legacy')], targetFolderId: t.homeId })
    expect(plan).toMatchObject({ files: 2, skipped: [] })
    expect(plan.renamed).toEqual([{ path: path.join(src, 'Legacy', 'latin1-\ufffdt.txt'), name: 'latin1-ét.txt' }])
    const report = await t.admin.call('imports.start', { sources: [path.join(src, 'Legacy')], targetFolderId: t.homeId })
    expect(report).toMatchObject({ imported: 2, skipped: [], renamed: plan.renamed })
    expect(await contents(t.homeId)).toEqual({ '/Legacy/latin1-ét.txt': 'été', '/Legacy/plain.txt': 'plain' })
  })

  it('lists what is skipped in a folder once, however many links lead to that folder', async () => {
    fs.mkdirSync(path.join(src, 'Tree/shared'), { recursive: true })
    write('Tree/shared/ok.txt', 'ok')
    for (const n of [1, 2, 3]) fs.symlinkSync(path.join(src, `Tree/missing-${n}`), path.join(src, `Tree/shared/dangling-${n}`))
    for (const n of [1, 2]) fs.symlinkSync(path.join(src, 'Tree/shared'), path.join(src, `Tree/via-${n}`))
    const dangling = execFileSync('find', [path.join(src, 'Tree'), '-xtype', 'l']).toString().split('\n').filter(Boolean)
    expect(dangling).toHaveLength(3)
    const report = await t.admin.call('imports.start', { sources: [path.join(src, 'Tree')], targetFolderId: t.homeId })
    expect(report.skipped.map((s) => s.path).sort()).toEqual(dangling.sort())
    // The folder's files still arrive under each name that leads to it.
    expect(Object.keys(await contents(t.homeId)).sort()).toEqual(['/Tree/shared/ok.txt', '/Tree/via-1/ok.txt', '/Tree/via-2/ok.txt'])
  })
})

describe('import: names in one source folder that differ only in case or Unicode form', () => {
  // Name order is byte order: "FAQ.html" before "faq.html"; the decomposed "Cafe\u0301" before the composed "Caf\u00e9".
  const DECOMPOSED = 'Cafe\u0301.txt'
  const COMPOSED = 'Caf\u00e9.txt'
  beforeEach(() => {
    write('Docs/FAQ.html', 'upper')
    write('Docs/faq.html', 'lower')
    write(`Docs/${DECOMPOSED}`, 'decomposed')
    write(`Docs/${COMPOSED}`, 'composed')
    write('Docs/index.html', 'index')
  })
  const source = () => path.join(src, 'Docs')

  it('are listed by the plan as clashes, each with the one before it', async () => {
    const plan = await t.admin.call('imports.plan', { sources: [source()], targetFolderId: t.homeId })
    expect(plan.conflicts).toEqual([
      { path: path.join(source(), COMPOSED), name: `/Docs/${COMPOSED}`, clashesWith: path.join(source(), DECOMPOSED) },
      { path: path.join(source(), 'faq.html'), name: '/Docs/FAQ.html', clashesWith: path.join(source(), 'FAQ.html') },
    ])
  })

  it('keep both: the first in name order keeps the name, the next gets "(copy)", every time', async () => {
    for (let round = 0; round < 3; round++) {
      const target = await t.admin.call('folders.create', { parentId: t.homeId, name: `Round ${round}` })
      const report = await t.admin.call('imports.start', { sources: [source()], targetFolderId: target.id, onConflict: 'keepBoth' })
      expect(report).toMatchObject({ imported: 5, replaced: 0, skipped: [] })
      expect(await contents(target.id)).toEqual({
        '/Docs/FAQ.html': 'upper',
        '/Docs/faq (copy).html': 'lower',
        [`/Docs/${COMPOSED}`]: 'decomposed',
        [`/Docs/Caf\u00e9 (copy).txt`]: 'composed',
        '/Docs/index.html': 'index',
      })
    }
  })

  for (const policy of ['replace', 'skip'] as const) {
    it(`${policy}: the first in name order is imported, the next skipped with the reason, none an old version of another`, async () => {
      const report = await t.admin.call('imports.start', { sources: [source()], targetFolderId: t.homeId, onConflict: policy })
      expect(report).toMatchObject({ imported: 3, replaced: 0 })
      expect(report.skipped.map((s) => [s.path, s.reason])).toEqual([
        [path.join(source(), COMPOSED), expect.stringContaining(`differs only in case or Unicode form from ${path.join(source(), DECOMPOSED)}`)],
        [path.join(source(), 'faq.html'), expect.stringContaining(`differs only in case or Unicode form from ${path.join(source(), 'FAQ.html')}`)],
      ])
      expect(await contents(t.homeId)).toEqual({ '/Docs/FAQ.html': 'upper', [`/Docs/${COMPOSED}`]: 'decomposed', '/Docs/index.html': 'index' })
      for (const file of (await t.admin.call('search.assets', { query: '', type: 'file' })).items) expect(file.currentVersion).toBe(1)
    })
  }
})
