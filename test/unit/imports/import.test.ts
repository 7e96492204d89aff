import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectRefused, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { tempFilesIn } from '../../support/tempFiles.js'

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

function write(rel: string, content: string | Buffer) {
  const file = path.join(src, rel)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, content)
}

/** Paths of everything under a library folder, as a sorted list. */
async function tree(folderId: string, prefix = ''): Promise<string[]> {
  const out: string[] = []
  for (const child of await t.admin.call('assets.list', { folderId })) {
    const p = `${prefix}/${child.name}`
    out.push(child.kind === 'folder' ? `${p}/` : p)
    if (child.kind === 'folder') out.push(...(await tree(child.id, p)))
  }
  return out.sort()
}

describe('import from disk', () => {
  it('reproduces a folder tree with its contents', async () => {
    write('Shoot/day1/a.txt', 'alpha')
    write('Shoot/day1/b.txt', 'beta')
    write('Shoot/day2/c.txt', 'gamma')
    fs.mkdirSync(path.join(src, 'Shoot/empty'))
    const report = await t.admin.call('imports.start', { sources: [path.join(src, 'Shoot')], targetFolderId: t.homeId })
    expect(report).toMatchObject({ imported: 3, foldersCreated: 4, skipped: [] })
    expect(await tree(t.homeId)).toEqual(['/Shoot/', '/Shoot/day1/', '/Shoot/day1/a.txt', '/Shoot/day1/b.txt', '/Shoot/day2/', '/Shoot/day2/c.txt', '/Shoot/empty/'])
    const c = (await t.admin.call('search.assets', { query: 'c.txt' })).items[0]
    const { base64 } = await t.admin.call('files.read', { fileId: c.id })
    expect(Buffer.from(base64, 'base64').toString()).toBe('gamma')
  })

  it('skips what cannot be imported, with a reason each, and imports the rest', async () => {
    write('Pick/ok.txt', 'fine')
    write('outside.txt', 'not chosen')
    fs.symlinkSync(path.join(src, 'outside.txt'), path.join(src, 'Pick/link-out.txt'))
    fs.symlinkSync(path.join(src, 'Pick/missing.txt'), path.join(src, 'Pick/broken.txt'))
    write('Pick/inside-target.txt', 'in')
    fs.symlinkSync(path.join(src, 'Pick/inside-target.txt'), path.join(src, 'Pick/link-in.txt'))
    write('Pick/bad\u0001name.txt', 'x')
    const report = await t.admin.call('imports.start', { sources: [path.join(src, 'Pick')], targetFolderId: t.homeId })
    expect(report.imported).toBe(3)
    const reasons = Object.fromEntries(report.skipped.map((s) => [path.basename(s.path), s.reason]))
    expect(reasons['link-out.txt']).toMatch(/outside the chosen folder/)
    expect(reasons['broken.txt']).toMatch(/cannot be read/)
    expect(reasons['bad\u0001name.txt']).toMatch(/name cannot be used/)
    expect(await tree(t.homeId)).toEqual(['/Pick/', '/Pick/inside-target.txt', '/Pick/link-in.txt', '/Pick/ok.txt'])
  })

  it('skips a link back into a folder it sits in, instead of importing forever, and keeps a link to a sibling', async () => {
    write('Loop/a/one.txt', '1')
    write('Loop/b/two.txt', '2')
    fs.symlinkSync(path.join(src, 'Loop'), path.join(src, 'Loop/a/up'))
    fs.symlinkSync(path.join(src, 'Loop/b'), path.join(src, 'Loop/a/b-again'))
    const report = await t.admin.call('imports.start', { sources: [path.join(src, 'Loop')], targetFolderId: t.homeId })
    expect(report.skipped.map((s) => [path.relative(src, s.path), s.reason])).toEqual([['Loop/a/up', expect.stringMatching(/folder it is inside of/)]])
    expect(await tree(t.homeId)).toEqual(['/Loop/', '/Loop/a/', '/Loop/a/b-again/', '/Loop/a/b-again/two.txt', '/Loop/a/one.txt', '/Loop/b/', '/Loop/b/two.txt'])
  })

  it('follows the chosen policy on a name clash: keep both, replace as a new version, or skip', async () => {
    write('logo.png', 'v1')
    await t.admin.call('imports.start', { sources: [path.join(src, 'logo.png')], targetFolderId: t.homeId })
    write('logo.png', 'v2')
    const plan = await t.admin.call('imports.plan', { sources: [path.join(src, 'logo.png')], targetFolderId: t.homeId })
    expect(plan.conflicts).toEqual([{ path: path.join(src, 'logo.png'), name: '/logo.png' }])
    const skip = await t.admin.call('imports.start', { sources: [path.join(src, 'logo.png')], targetFolderId: t.homeId, onConflict: 'skip' })
    expect(skip).toMatchObject({ imported: 0, replaced: 0 })
    expect(skip.skipped[0].reason).toMatch(/already exists/)
    const replace = await t.admin.call('imports.start', { sources: [path.join(src, 'logo.png')], targetFolderId: t.homeId, onConflict: 'replace' })
    expect(replace.replaced).toBe(1)
    const [logo] = await t.admin.call('assets.list', { folderId: t.homeId })
    expect(logo).toMatchObject({ name: 'logo.png', currentVersion: 2 })
    await t.admin.call('imports.start', { sources: [path.join(src, 'logo.png')], targetFolderId: t.homeId, onConflict: 'keepBoth' })
    expect(await tree(t.homeId)).toEqual(['/logo (copy).png', '/logo.png'])
  })

  it('keeps both of a name whose extension is 254 characters, twice, with " (copy N)" whole', async () => {
    const name = `a.${'e'.repeat(253)}`
    write(name, 'v1')
    await t.admin.call('imports.start', { sources: [path.join(src, name)], targetFolderId: t.homeId })
    const names = async () => (await t.admin.call('assets.list', { folderId: t.homeId })).map((a) => a.name.replace(/e+$/, 'e…')).sort()
    await t.admin.call('imports.start', { sources: [path.join(src, name)], targetFolderId: t.homeId, onConflict: 'keepBoth' })
    expect(await names()).toEqual(['a (copy).e…', 'a.e…'])
    await t.admin.call('imports.start', { sources: [path.join(src, name)], targetFolderId: t.homeId, onConflict: 'keepBoth' })
    expect(await names()).toEqual(['a (copy 2).e…', 'a (copy).e…', 'a.e…'])
    for (const asset of await t.admin.call('assets.list', { folderId: t.homeId })) expect(asset.name.length).toBeLessThanOrEqual(255)
  })

  it('needs contribute on the target folder', async () => {
    write('a.txt', 'a')
    const bob = await t.admin.call('users.create', { name: 'Bob', email: 'bob@example.com', role: 'restricted' })
    const shared = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Shared' })
    await t.admin.call('sharing.set', { resourceId: shared.id, subjectId: bob.id, level: 'view' })
    await expectRefused(t.library.as(bob.id).call('imports.start', { sources: [path.join(src, 'a.txt')], targetFolderId: shared.id }), 'FORBIDDEN')
    expect(await tree(shared.id)).toEqual([])
  })

  it('stops when cancelled, leaving complete files only and no temp files', async () => {
    // Enough files that a cancel sent after the first batch is committed (64 files; 64 copy at once) always lands while many are still to come.
    for (let i = 0; i < 200; i++) write(`Many/f${String(i).padStart(3, '0')}.bin`, Buffer.alloc(256 * 1024, i))
    let cancelled = false
    t.admin.subscribe('jobs.progress', (job) => {
      if (!cancelled && job.kind === 'import' && job.done >= 3) {
        cancelled = true
        void t.admin.call('jobs.cancel', { jobId: job.id })
      }
    })
    await expectRefused(t.admin.call('imports.start', { sources: [path.join(src, 'Many')], targetFolderId: t.homeId }), 'CANCELLED')
    const files = (await tree(t.homeId)).filter((p) => p.endsWith('.bin'))
    expect(files.length).toBeGreaterThanOrEqual(3)
    expect(files.length).toBeLessThan(200)
    for (const p of files) {
      const hit = (await t.admin.call('search.assets', { query: path.basename(p) })).items[0]
      expect(hit.size).toBe(256 * 1024)
    }
    expect(tempFilesIn(path.join(t.dir, 'blobs', 'tmp'))).toEqual([])
  })

  it('runs as the job id the caller made, so the caller can follow and cancel it before the report comes; an id in use is refused', async () => {
    write('a.txt', 'a')
    const jobId = '0b5e6a3c-2f4d-4e8a-9c1b-7d6e5f4a3b2c'
    const seen = new Set<string>()
    t.admin.subscribe('jobs.progress', (job) => seen.add(job.id))
    const report = await t.admin.call('imports.start', { sources: [path.join(src, 'a.txt')], targetFolderId: t.homeId, jobId })
    expect(report.imported).toBe(1)
    expect([...seen]).toEqual([jobId])
    expect((await t.admin.call('jobs.list')).map((j) => [j.id, j.kind, j.state])).toContainEqual([jobId, 'import', 'done'])

    write('b.txt', 'b')
    await expectRefused(t.admin.call('imports.start', { sources: [path.join(src, 'b.txt')], targetFolderId: t.homeId, jobId }), 'CONFLICT')
    expect(await tree(t.homeId)).toEqual(['/a.txt'])
    await expectRefused(t.admin.call('imports.start', { sources: [path.join(src, 'b.txt')], targetFolderId: t.homeId, jobId: 'not-a-uuid' }), 'INVALID_INPUT')
  })
})
