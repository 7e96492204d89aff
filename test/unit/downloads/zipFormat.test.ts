import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { planZip } from '../../../main/core/downloads/zipPlan.js'
import { writeZip } from '../../../main/core/downloads/writeZip.js'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary()
})
afterEach(async () => t.close())

/**
 * What Python's zipfile reads from a zip: each entry's name, method, whether its local header
 * has ZIP64 sizes, and the sha256 of its bytes (read back through the CRC check); `testzip`
 * names the first entry whose CRC does not match.
 */
const READER = `
import hashlib, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    with open(sys.argv[1], 'rb') as f:
        f.seek(-42, 2)
        tail = f.read()
    # The ZIP64 end locator sits just before the classic end record (22 bytes, no comment).
    out = {'bad': z.testzip(), 'zip64End': tail[:4] == b'PK\\x06\\x07', 'entries': []}
    for info in z.infolist():
        local = z.fp
        local.seek(info.header_offset)
        header = local.read(30)
        extra_len = int.from_bytes(header[28:30], 'little')
        out['entries'].append({
            'name': info.filename,
            'utf8': bool(info.flag_bits & 0x800),
            'method': info.compress_type,
            'size': info.file_size,
            'localZip64': extra_len > 0 and int.from_bytes(header[22:26], 'little') == 0xffffffff,
            'sha256': None if info.is_dir() else hashlib.sha256(z.read(info)).hexdigest(),
        })
print(json.dumps(out))
`

interface Read {
  bad: string | null
  zip64End: boolean
  entries: { name: string; utf8: boolean; method: number; size: number; localZip64: boolean; sha256: string | null }[]
}

function readWithPython(zip: string): Read {
  return JSON.parse(execFileSync('python3', ['-c', READER, zip], { encoding: 'utf8' })) as Read
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

async function upload(folderId: string, name: string, data: Buffer) {
  return t.admin.call('files.upload', { folderId, name, base64: data.toString('base64') })
}

describe('zip files the app writes', () => {
  it('open in unzip and Python alike, with names in any script, empty folders, stored photos and deflated text', async () => {
    const top = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Café Ünïcode' })
    const empty = await t.admin.call('folders.create', { parentId: top.id, name: '空のフォルダ' })
    const photo = randomBytes(3 * 1024 * 1024 + 17)
    const text = Buffer.from('the same words again and again\n'.repeat(50_000))
    await upload(top.id, 'Æble 🍎.jpg', photo)
    await upload(top.id, 'notes ø.txt', text)
    await upload(top.id, 'empty.txt', Buffer.alloc(0))
    const dest = path.join(t.dir, 'mixed.zip')
    const done = await t.admin.call('downloads.zip', { assetIds: [top.id], destPath: dest })
    expect(done.bytes).toBe(fs.statSync(dest).size)
    expect(execFileSync('unzip', ['-t', dest], { encoding: 'utf8' })).toMatch(/No errors detected/)

    const read = readWithPython(dest)
    expect(read.bad).toBeNull()
    expect(read.zip64End).toBe(false)
    const byName = Object.fromEntries(read.entries.map((e) => [e.name, e]))
    expect(Object.keys(byName).sort()).toEqual(['Café Ünïcode/empty.txt', 'Café Ünïcode/notes ø.txt', 'Café Ünïcode/Æble 🍎.jpg', 'Café Ünïcode/空のフォルダ/'].sort())
    expect(read.entries.every((e) => e.utf8)).toBe(true)
    expect(byName['Café Ünïcode/Æble 🍎.jpg']).toMatchObject({ method: 0, size: photo.length, sha256: sha256(photo), localZip64: false })
    expect(byName['Café Ünïcode/notes ø.txt']).toMatchObject({ method: 8, size: text.length, sha256: sha256(text) })
    expect(byName['Café Ünïcode/empty.txt']).toMatchObject({ size: 0, sha256: sha256(Buffer.alloc(0)) })
    expect(byName['Café Ünïcode/空のフォルダ/'].sha256).toBeNull()
    // Deflate did its work on the text; the photo went in as it is.
    expect(fs.statSync(dest).size).toBeLessThan(photo.length + text.length / 10)

    // unzip makes the folders, the empty one too, and writes the same bytes.
    const out = path.join(t.dir, 'unpacked')
    execFileSync('unzip', ['-q', dest, '-d', out])
    expect(fs.readFileSync(path.join(out, 'Café Ünïcode', 'Æble 🍎.jpg')).equals(photo)).toBe(true)
    expect(fs.statSync(path.join(out, 'Café Ünïcode', '空のフォルダ')).isDirectory()).toBe(true)
    expect(empty.name).toBe('空のフォルダ')
  })

  it('use ZIP64 for entries, offsets and counts past the 32- and 16-bit fields, and still open everywhere', async () => {
    // The limits are lowered so that the ZIP64 path runs on kilobytes, not on 4 GB: the
    // records written are those a 5 GB file, or a 70,000-file zip, would get.
    const folder = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Big' })
    const contents = new Map<string, Buffer>()
    for (let i = 0; i < 6; i++) {
      const name = i % 2 ? `part ${i}.txt` : `shot ${i}.jpg`
      // Text repeats (deflated), photos do not (stored); sizes either side of the lowered limit.
      const data = i % 2 ? Buffer.from(`line ${i}\n`.repeat(1000 + i * 900)) : randomBytes(5000 + i * 3000)
      contents.set(`Big/${name}`, data)
      await upload(folder.id, name, data)
    }
    await t.admin.call('folders.create', { parentId: folder.id, name: 'Nothing here' })
    const dest = path.join(t.dir, 'big.zip')
    const limits = { size: 12_000, offset: 20_000, count: 4 }
    await writeZip(t.library.core.blobs, planZip(t.library.core, [folder.id]).entries, dest, { limits })
    expect(execFileSync('unzip', ['-t', dest], { encoding: 'utf8' })).toMatch(/No errors detected/)

    const read = readWithPython(dest)
    expect(read.bad).toBeNull()
    // Seven entries, more than the lowered count: the ZIP64 end record says how many.
    expect(read.zip64End).toBe(true)
    expect(read.entries).toHaveLength(7)
    for (const [name, data] of contents) {
      const entry = read.entries.find((e) => e.name === name)!
      expect(entry, name).toMatchObject({ size: data.length, sha256: sha256(data) })
      // Deflated entries take ZIP64 fields from a margin below the limit (their compressed size is learnt at the end).
      if (name.endsWith('.jpg')) expect(entry.localZip64, name).toBe(data.length >= limits.size)
      else if (data.length >= limits.size) expect(entry.localZip64, name).toBe(true)
    }
    expect(read.entries.some((e) => e.localZip64)).toBe(true)
    expect(read.entries.some((e) => !e.localZip64 && e.sha256 !== null)).toBe(true)
  })

  it('refuse a blob whose size is not the one recorded, leaving no file', async () => {
    const file = await upload(t.homeId, 'a.jpg', randomBytes(2000))
    const entries = planZip(t.library.core, [file.id]).entries.map((e) => ({ ...e, size: e.size + 1 }))
    const dest = path.join(t.dir, 'wrong.zip')
    await expect(writeZip(t.library.core.blobs, entries, dest)).rejects.toMatchObject({ code: 'INTERNAL' })
    expect(fs.existsSync(dest)).toBe(false)
    expect(fs.existsSync(`${dest}.part`)).toBe(false)
  })
})
