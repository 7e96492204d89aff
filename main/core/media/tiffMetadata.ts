import fsp from 'node:fs/promises'

/** 'II*\0' or 'MM\0*': a classic TIFF (BigTIFF is not read). */
export function isTiff(head: Buffer): boolean {
  return head.length >= 8 && ((head[0] === 0x49 && head[1] === 0x49 && head[2] === 42 && head[3] === 0) || (head[0] === 0x4d && head[1] === 0x4d && head[2] === 0 && head[3] === 42))
}

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 }
/** Exif, GPS and Interoperability directories, pointed to from the one above them. */
const SUB_IFDS = new Set([34665, 34853, 40965])
/** Enough for any real metadata; a directory claiming more is damaged. */
const MAX_ENTRIES = 1000
const MAX_VALUE = 4 * 1024 * 1024
/** All values together: a damaged or hostile file may not make the reader hold more. */
const MAX_TOTAL = 32 * 1024 * 1024

interface Entry {
  tag: number
  type: number
  count: number
  data: Buffer
  sub?: Entry[]
}

type Read = (offset: number, length: number) => Promise<Buffer>

/**
 * A TIFF's first directory and its Exif and GPS directories, with their values, copied into a
 * small TIFF of their own: libtiff writes the directories after the pixels, so a large TIFF's
 * metadata (and its width and height) is not in its first bytes. Null when the file is not a
 * readable TIFF.
 */
export async function tiffMetadataFromFile(file: string): Promise<Buffer | null> {
  const handle = await fsp.open(file, 'r')
  try {
    const { size } = await handle.stat()
    const read: Read = async (offset, length) => {
      if (offset < 0 || length < 0 || offset + length > size) throw new Error('outside the file')
      const buffer = Buffer.alloc(length)
      await handle.read(buffer, 0, length, offset)
      return buffer
    }
    return await compactTiff(read)
  } catch {
    return null
  } finally {
    await handle.close()
  }
}

export async function compactTiff(read: Read): Promise<Buffer | null> {
  const header = await read(0, 8)
  if (!isTiff(header)) return null
  const le = header[0] === 0x49
  const u16 = (b: Buffer, o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o))
  const u32 = (b: Buffer, o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o))
  const seen = new Set<number>()
  let total = 0
  const readIfd = async (offset: number): Promise<Entry[]> => {
    if (seen.has(offset)) throw new Error('a directory loop')
    seen.add(offset)
    const count = u16(await read(offset, 2), 0)
    if (count > MAX_ENTRIES) throw new Error('too many entries')
    const table = await read(offset + 2, count * 12)
    const entries: Entry[] = []
    for (let i = 0; i < count; i++) {
      const at = i * 12
      const tag = u16(table, at)
      const type = u16(table, at + 2)
      const n = u32(table, at + 4)
      const length = (TYPE_SIZE[type] ?? 0) * n
      if (length === 0 || length > MAX_VALUE) continue
      total += length
      if (total > MAX_TOTAL) throw new Error('more metadata than any real file holds')
      const data = length <= 4 ? table.subarray(at + 8, at + 8 + length) : await read(u32(table, at + 8), length)
      const entry: Entry = { tag, type, count: n, data }
      if (SUB_IFDS.has(tag) && (type === 4 || type === 13) && n === 1) entry.sub = await readIfd(u32(data, 0)).catch(() => [])
      entries.push(entry)
    }
    return entries
  }
  const ifd0 = await readIfd(u32(header, 4))

  const chunks: Buffer[] = []
  let position = 0
  const push = (b: Buffer) => {
    chunks.push(b)
    position += b.length
    if (position % 2) push(Buffer.alloc(1))
  }
  const w16 = (b: Buffer, v: number, o: number) => (le ? b.writeUInt16LE(v, o) : b.writeUInt16BE(v, o))
  const w32 = (b: Buffer, v: number, o: number) => (le ? b.writeUInt32LE(v, o) : b.writeUInt32BE(v, o))
  /** Writes a directory where `position` is, then its values, then the directories below it; returns its offset. */
  const place = (entries: Entry[]): number => {
    const sorted = [...entries].sort((a, b) => a.tag - b.tag)
    const start = position
    const table = Buffer.alloc(2 + sorted.length * 12 + 4)
    w16(table, sorted.length, 0)
    push(table)
    sorted.forEach((e, i) => {
      const at = 2 + i * 12
      w16(table, e.tag, at)
      w16(table, e.type, at + 2)
      w32(table, e.count, at + 4)
      if (e.data.length <= 4) e.data.copy(table, at + 8)
      else {
        w32(table, position, at + 8)
        push(e.data)
      }
    })
    sorted.forEach((e, i) => {
      if (e.sub) w32(table, place(e.sub), 2 + i * 12 + 8)
    })
    return start
  }
  const out = Buffer.alloc(8)
  header.copy(out, 0, 0, 4)
  w32(out, 8, 4)
  push(out)
  place(ifd0)
  return Buffer.concat(chunks)
}
