import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectRefused, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary()
})
afterEach(async () => t.close())

const b64 = (s: string) => Buffer.from(s).toString('base64')

/** Entry names as `unzip -Z1` lists them. */
function entries(zip: string): string[] {
  return execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n').sort()
}

async function buildTree() {
  const brand = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Brand' })
  const logos = await t.admin.call('folders.create', { parentId: brand.id, name: 'Logos' })
  const secret = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Secret' })
  await t.admin.call('folders.create', { parentId: brand.id, name: 'Empty' })
  const logo = await t.admin.call('files.upload', { folderId: logos.id, name: 'logo.svg', base64: b64('<svg xmlns="http://www.w3.org/2000/svg"/>') })
  await t.admin.call('files.upload', { folderId: brand.id, name: 'guide.txt', base64: b64('use the logo') })
  await t.admin.call('files.upload', { folderId: secret.id, name: 'plan.txt', base64: b64('top secret') })
  return { brand, logos, secret, logo }
}

describe('zip downloads', () => {
  it('keep the folder structure relative to the selection and pass unzip -t', async () => {
    const { brand } = await buildTree()
    const dest = path.join(t.dir, 'brand.zip')
    const download = await t.admin.call('downloads.zip', { assetIds: [brand.id], destPath: dest })
    expect(download).toMatchObject({ state: 'done', fileCount: 2, name: 'Brand.zip' })
    expect(entries(dest)).toEqual(['Brand/Empty/', 'Brand/Logos/logo.svg', 'Brand/guide.txt'])
    expect(execFileSync('unzip', ['-t', dest], { encoding: 'utf8' })).toMatch(/No errors detected/)
    expect(fs.existsSync(`${dest}.part`)).toBe(false)
  })

  it('hold only what a restricted user can view, also when they zip a collection', async () => {
    const { brand, secret, logo } = await buildTree()
    const bob = await t.admin.call('users.create', { name: 'Bob', email: 'bob@example.com', role: 'restricted' })
    const collection = await t.admin.call('collections.create', { name: 'Launch' })
    await t.admin.call('collections.addAssets', { collectionIds: [collection.id], assetIds: [logo.id] })
    await t.admin.call('sharing.set', { resourceId: collection.id, subjectId: bob.id, level: 'view' })
    const asBob = t.library.as(bob.id)
    const dest = path.join(t.dir, 'launch.zip')
    await asBob.call('downloads.zip', { collectionId: collection.id, destPath: dest })
    expect(entries(dest)).toEqual(['logo.svg'])
    await expectRefused(asBob.call('downloads.zip', { assetIds: [secret.id], destPath: path.join(t.dir, 'x.zip') }), 'NOT_FOUND')
    await expectRefused(asBob.call('downloads.zip', { assetIds: [brand.id], destPath: path.join(t.dir, 'y.zip') }), 'NOT_FOUND')
    expect(fs.existsSync(path.join(t.dir, 'x.zip'))).toBe(false)
  })

  it('make hostile and clashing names safe: nothing escapes the zip root', async () => {
    const folder = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Odd' })
    for (const name of ['..evil', 'con.txt', 'a:b?.txt', 'Same.txt']) await t.admin.call('files.upload', { folderId: folder.id, name, base64: b64(name) })
    const other = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Other' })
    await t.admin.call('files.upload', { folderId: other.id, name: 'same.txt', base64: b64('x') })
    const copy = await t.admin.call('files.upload', { folderId: other.id, name: 'odd', base64: b64('clash with the folder') })
    const dest = path.join(t.dir, 'odd.zip')
    await t.admin.call('downloads.zip', { assetIds: [folder.id, copy.id], destPath: dest })
    const names = entries(dest)
    for (const n of names) {
      expect(n.startsWith('/')).toBe(false)
      expect(n.split('/')).not.toContain('..')
      expect(n).not.toMatch(/[<>:"|?*\\]/)
    }
    expect(names).toEqual(expect.arrayContaining(['Odd/_con.txt', 'Odd/a_b_.txt', 'Odd/..evil', 'odd (2)']))
    const out = path.join(t.dir, 'unpacked')
    execFileSync('unzip', ['-q', dest, '-d', out])
    const written = fs.readdirSync(out, { recursive: true }) as string[]
    expect(written.every((p) => path.resolve(out, p).startsWith(out + path.sep))).toBe(true)
  })

  it('are named for what they hold, cut so the name with ".zip" is still a name', async () => {
    // 253 code units: with ".zip" it would be 257, and the cut falls inside the 126th emoji.
    const long = `${'\u{1F600}'.repeat(126)}x`
    const file = await t.admin.call('files.upload', { folderId: t.homeId, name: long, base64: b64('x') })
    const plan = await t.admin.call('downloads.plan', { assetIds: [file.id] })
    expect(plan.name).toMatch(/^(\u{1F600})+\.zip$/u)
    expect(plan.name.length).toBeLessThanOrEqual(255)
    // The save dialog takes it as its default name.
    expect(await t.admin.call('dialogs.saveFile', { defaultName: plan.name })).toMatchObject({ available: false })
  })

  it('are listed in "view downloads" with their size and count, newest first', async () => {
    const { brand, logos } = await buildTree()
    await t.admin.call('downloads.zip', { assetIds: [brand.id], destPath: path.join(t.dir, 'one.zip') })
    await t.admin.call('downloads.zip', { assetIds: [logos.id], destPath: path.join(t.dir, 'two.zip') })
    const list = await t.admin.call('downloads.list')
    expect(list.map((d) => [d.name, d.state, d.fileCount])).toEqual([['Logos.zip', 'done', 1], ['Brand.zip', 'done', 2]])
    expect(list[0].bytes).toBe(fs.statSync(path.join(t.dir, 'two.zip')).size)
  })

  it('store files of already-compressed formats as they are, and deflate the rest', async () => {
    const folder = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Mixed' })
    const text = 'the same words again and again '.repeat(200)
    await t.admin.call('files.upload', { folderId: folder.id, name: 'photo.jpg', base64: b64(text) })
    await t.admin.call('files.upload', { folderId: folder.id, name: 'notes.txt', base64: b64(`${text}!`) })
    const dest = path.join(t.dir, 'mixed.zip')
    await t.admin.call('downloads.zip', { assetIds: [folder.id], destPath: dest })
    // `unzip -v` lists each entry's method: Stored or Defl:N.
    const methods = Object.fromEntries(
      execFileSync('unzip', ['-v', dest], { encoding: 'utf8' })
        .split('\n')
        .flatMap((line) => {
          const m = /^\s*\d+\s+(\S+).*\s(\S+)$/.exec(line)
          return m && m[2].startsWith('Mixed/') ? [[m[2], m[1]]] : []
        }),
    )
    expect(methods).toEqual({ 'Mixed/photo.jpg': 'Stored', 'Mixed/notes.txt': expect.stringMatching(/^Defl/) })
  })

  it('open each file only while it is being written, so thousands of files do not exhaust file handles', async () => {
    const many = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Many' })
    for (let i = 0; i < 400; i++) await t.admin.call('files.upload', { folderId: many.id, name: `n${i}.txt`, base64: b64(`note ${i}`) })
    const openHandles = () => fs.readdirSync('/proc/self/fd').length
    const before = openHandles()
    let most = before
    const dest = path.join(t.dir, 'many.zip')
    const entriesWritten = new Promise<void>((resolve) => {
      const off = t.admin.subscribe('jobs.progress', (job) => {
        most = Math.max(most, openHandles())
        if (job.state !== 'running' && job.state !== 'queued') {
          off()
          resolve()
        }
      })
    })
    const sample = setInterval(() => (most = Math.max(most, openHandles())), 1)
    try {
      await t.admin.call('downloads.zip', { assetIds: [many.id], destPath: dest })
      await entriesWritten
    } finally {
      clearInterval(sample)
    }
    expect(entries(dest)).toHaveLength(400)
    expect(most - before).toBeLessThan(40)
  })

  it('report progress as a job and, when cancelled, leave no file behind', async () => {
    const folder = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Big' })
    const chunk = Buffer.alloc(4 * 1024 * 1024, 7).toString('base64')
    for (let i = 0; i < 6; i++) await t.admin.call('files.upload', { folderId: folder.id, name: `f${i}.bin`, base64: chunk.slice(0, chunk.length - 8) + b64(String(i).padStart(5, '0')) })
    const dest = path.join(t.dir, 'big.zip')
    const seen: string[] = []
    let cancelled = false
    t.admin.subscribe('jobs.progress', (job) => {
      seen.push(job.state)
      if (job.state === 'running' && !cancelled) {
        cancelled = true
        void t.admin.call('jobs.cancel', { jobId: job.id })
      }
    })
    await expectRefused(t.admin.call('downloads.zip', { assetIds: [folder.id], destPath: dest }), 'CANCELLED')
    expect(seen).toContain('cancelled')
    expect(fs.existsSync(dest)).toBe(false)
    expect(fs.existsSync(`${dest}.part`)).toBe(false)
    const [record] = await t.admin.call('downloads.list')
    expect(record.state).toBe('cancelled')
  })
})

describe('download plans and the downloads list', () => {
  it('count what a zip would hold, and say when it is large enough to confirm first', async () => {
    const { brand } = await buildTree()
    expect(await t.admin.call('downloads.plan', { assetIds: [brand.id] })).toEqual({ name: 'Brand.zip', fileCount: 2, bytes: 12 + 41, needsConfirmation: false })
  })

  it('name a zip of several items after the first and how many more', async () => {
    const { brand, secret, logo } = await buildTree()
    expect((await t.admin.call('downloads.plan', { assetIds: [brand.id, secret.id, logo.id] })).name).toBe('Brand and 2 more.zip')
    const long = await t.admin.call('folders.create', { parentId: t.homeId, name: 'x'.repeat(255) })
    const { name } = await t.admin.call('downloads.plan', { assetIds: [long.id, brand.id] })
    expect(name.endsWith('x and 1 more.zip')).toBe(true)
    expect(name.length).toBeLessThanOrEqual(255)
  })

  it('lets the owner remove a finished download, with its file when asked', async () => {
    const { brand } = await buildTree()
    const dest = path.join(t.dir, 'keep.zip')
    const done = await t.admin.call('downloads.zip', { assetIds: [brand.id], destPath: dest })
    const bob = await t.admin.call('users.create', { name: 'Bob', email: 'bob@example.com', role: 'restricted' })
    await expectRefused(t.library.as(bob.id).call('downloads.remove', { downloadId: done.id, deleteFile: true }), 'NOT_FOUND')
    expect(fs.existsSync(dest)).toBe(true)
    expect(await t.admin.call('downloads.remove', { downloadId: done.id, deleteFile: true })).toEqual({ removed: done.id, fileDeleted: true })
    expect(fs.existsSync(dest)).toBe(false)
    expect(await t.admin.call('downloads.list')).toEqual([])
  })

  it('deletes a finished zip from a later window, which holds no grant for its path, but not a file that has taken its name since', async () => {
    const { brand } = await buildTree()
    const dest = path.join(t.dir, 'later.zip')
    const first = await t.admin.call('downloads.zip', { assetIds: [brand.id], destPath: dest })
    const second = await t.admin.call('downloads.zip', { assetIds: [brand.id], destPath: path.join(t.dir, 'replaced.zip') })
    fs.writeFileSync(path.join(t.dir, 'replaced.zip'), 'someone else’s file now')
    const laterWindow = t.library.caller(t.library.session(t.admin.session.userId, () => false))
    expect(await laterWindow.call('downloads.remove', { downloadId: first.id, deleteFile: true })).toEqual({ removed: first.id, fileDeleted: true })
    expect(fs.existsSync(dest)).toBe(false)
    expect(await laterWindow.call('downloads.remove', { downloadId: second.id, deleteFile: true })).toEqual({ removed: second.id, fileDeleted: false })
    expect(fs.readFileSync(path.join(t.dir, 'replaced.zip'), 'utf8')).toBe('someone else’s file now')
  })
})
