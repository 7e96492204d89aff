/**
 * The records of a zip file (PKWARE's APPNOTE 6.3): local headers, central directory entries
 * and the end records, ZIP64 where a size, an offset or the count passes what 32 or 16 bits
 * hold. Names are UTF-8 with the flag that says so (bit 11), so "Café/Æ.jpg" reads back the
 * same in every unzip. No data descriptors: the writer knows each entry's CRC and sizes when
 * it writes or patches its local header (writeZip.ts), so streaming readers find them there.
 */

export const METHOD_STORED = 0
export const METHOD_DEFLATED = 8

/** Where ZIP64 takes over; tests lower them to run that path without gigabytes of data. */
export interface ZipLimits {
  /** An entry this large or larger (uncompressed) gets ZIP64 sizes. */
  size: number
  /** A local header at this offset or later is named by a ZIP64 offset. */
  offset: number
  /** More entries than this need the ZIP64 end records. */
  count: number
}

export const ZIP_LIMITS: ZipLimits = { size: 0xffffffff, offset: 0xffffffff, count: 0xffff }

/**
 * A deflated entry's compressed size is known only at its end, and deflate can grow
 * incompressible data a little (5 bytes a 64 KB block): an entry within this margin of the
 * 32-bit size limit gets ZIP64 fields from the start, so its header need not change size.
 */
const DEFLATE_MARGIN = 16 * 1024 * 1024

export interface ZipRecord {
  name: Buffer
  method: number
  /** DOS time and date. */
  time: number
  date: number
  crc: number
  compressedSize: number
  size: number
  offset: number
  /** ZIP64 sizes in the local header (chosen before the data is written). */
  zip64: boolean
  folder: boolean
}

const UTF8_NAMES = 0x0800
const MADE_BY_UNIX = 3 << 8
const FILE_MODE = 0o100644
const FOLDER_MODE = 0o40755
/** The MS-DOS folder attribute, which Windows' own unzip looks at. */
const DOS_FOLDER = 0x10

export function needsZip64(size: number, method: number, limits: ZipLimits): boolean {
  return size >= limits.size - (method === METHOD_DEFLATED ? Math.min(DEFLATE_MARGIN, limits.size / 2) : 0)
}

/** The local time as DOS keeps it (2-second steps, years 1980 to 2107), as zip -0 writes it. */
export function dosDateTime(at: Date): { time: number; date: number } {
  const year = at.getFullYear()
  if (Number.isNaN(year) || year < 1980) return { time: 0, date: (1 << 5) | 1 }
  if (year > 2107) return { time: (23 << 11) | (59 << 5) | 29, date: (127 << 9) | (12 << 5) | 31 }
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  }
}

const versionNeeded = (r: ZipRecord, zip64: boolean) => (zip64 ? 45 : r.method === METHOD_DEFLATED || r.folder ? 20 : 10)

/** The local header; with `zip64`, its sizes are in the ZIP64 extra field (as the record says). */
export function localHeader(r: ZipRecord): Buffer {
  const extra = r.zip64 ? 20 : 0
  const b = Buffer.alloc(30 + r.name.length + extra)
  b.writeUInt32LE(0x04034b50, 0)
  b.writeUInt16LE(versionNeeded(r, r.zip64), 4)
  b.writeUInt16LE(UTF8_NAMES, 6)
  b.writeUInt16LE(r.method, 8)
  b.writeUInt16LE(r.time, 10)
  b.writeUInt16LE(r.date, 12)
  b.writeUInt32LE(r.crc >>> 0, 14)
  b.writeUInt32LE(r.zip64 ? 0xffffffff : r.compressedSize, 18)
  b.writeUInt32LE(r.zip64 ? 0xffffffff : r.size, 22)
  b.writeUInt16LE(r.name.length, 26)
  b.writeUInt16LE(extra, 28)
  r.name.copy(b, 30)
  if (r.zip64) {
    const at = 30 + r.name.length
    b.writeUInt16LE(0x0001, at)
    b.writeUInt16LE(16, at + 2)
    b.writeBigUInt64LE(BigInt(r.size), at + 4)
    b.writeBigUInt64LE(BigInt(r.compressedSize), at + 12)
  }
  return b
}

/** The entry's central directory record; the ZIP64 extra holds just the fields that overflow, in the order the format fixes. */
export function centralEntry(r: ZipRecord, limits: ZipLimits): Buffer {
  const bigSizes = r.zip64 || r.size >= limits.size || r.compressedSize >= limits.size
  const bigOffset = r.offset >= limits.offset
  const wide: number[] = []
  if (bigSizes) wide.push(r.size, r.compressedSize)
  if (bigOffset) wide.push(r.offset)
  const extra = wide.length ? 4 + 8 * wide.length : 0
  const zip64 = wide.length > 0
  const b = Buffer.alloc(46 + r.name.length + extra)
  b.writeUInt32LE(0x02014b50, 0)
  b.writeUInt16LE(MADE_BY_UNIX | 45, 4)
  b.writeUInt16LE(versionNeeded(r, zip64), 6)
  b.writeUInt16LE(UTF8_NAMES, 8)
  b.writeUInt16LE(r.method, 10)
  b.writeUInt16LE(r.time, 12)
  b.writeUInt16LE(r.date, 14)
  b.writeUInt32LE(r.crc >>> 0, 16)
  b.writeUInt32LE(bigSizes ? 0xffffffff : r.compressedSize, 20)
  b.writeUInt32LE(bigSizes ? 0xffffffff : r.size, 24)
  b.writeUInt16LE(r.name.length, 28)
  b.writeUInt16LE(extra, 30)
  // comment length, disk number, internal attributes: 0
  b.writeUInt32LE((((r.folder ? FOLDER_MODE : FILE_MODE) << 16) | (r.folder ? DOS_FOLDER : 0)) >>> 0, 38)
  b.writeUInt32LE(bigOffset ? 0xffffffff : r.offset, 42)
  r.name.copy(b, 46)
  if (zip64) {
    let at = 46 + r.name.length
    b.writeUInt16LE(0x0001, at)
    b.writeUInt16LE(8 * wide.length, at + 2)
    at += 4
    for (const n of wide) {
      b.writeBigUInt64LE(BigInt(n), at)
      at += 8
    }
  }
  return b
}

/** The end records: the ZIP64 end and its locator when anything overflows, then the classic end. */
export function endRecords(count: number, directoryOffset: number, directorySize: number, limits: ZipLimits): Buffer {
  const zip64 = count > limits.count || directoryOffset >= limits.offset || directorySize >= limits.offset
  const parts: Buffer[] = []
  if (zip64) {
    const end64 = Buffer.alloc(56)
    end64.writeUInt32LE(0x06064b50, 0)
    end64.writeBigUInt64LE(44n, 4)
    end64.writeUInt16LE(MADE_BY_UNIX | 45, 12)
    end64.writeUInt16LE(45, 14)
    // this disk, the directory's disk: 0
    end64.writeBigUInt64LE(BigInt(count), 24)
    end64.writeBigUInt64LE(BigInt(count), 32)
    end64.writeBigUInt64LE(BigInt(directorySize), 40)
    end64.writeBigUInt64LE(BigInt(directoryOffset), 48)
    const locator = Buffer.alloc(20)
    locator.writeUInt32LE(0x07064b50, 0)
    locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8)
    locator.writeUInt32LE(1, 16)
    parts.push(end64, locator)
  }
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  const shortCount = zip64 && count > limits.count ? 0xffff : count
  end.writeUInt16LE(shortCount, 8)
  end.writeUInt16LE(shortCount, 10)
  end.writeUInt32LE(zip64 && directorySize >= limits.offset ? 0xffffffff : directorySize, 12)
  end.writeUInt32LE(zip64 && directoryOffset >= limits.offset ? 0xffffffff : directoryOffset, 16)
  parts.push(end)
  return Buffer.concat(parts)
}
