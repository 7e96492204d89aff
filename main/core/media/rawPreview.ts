import fsp from 'node:fs/promises'

/** Camera RAW formats whose embedded preview stands in for the picture (libvips cannot develop RAW data). */
export const RAW_MIMES: Record<string, string> = {
  '.cr2': 'image/x-canon-cr2',
  '.cr3': 'image/x-canon-cr3',
  '.nef': 'image/x-nikon-nef',
  '.arw': 'image/x-sony-arw',
  '.dng': 'image/x-adobe-dng',
  '.raf': 'image/x-fujifilm-raf',
  '.orf': 'image/x-olympus-orf',
}
/** RAW files past this size are not searched: no camera writes one, and the search holds the file in memory. */
const MAX_RAW_BYTES = 512 * 1024 * 1024

export interface EmbeddedJpeg {
  jpeg: Buffer
  width: number
  height: number
}

/**
 * The largest JPEG a RAW file carries (a camera embeds one or more full-size or near-full-size
 * previews, as JpgFromRaw, PreviewImage or a PRVW box). Rather than one parser per maker's
 * container (TIFF directories for CR2, NEF, ARW, DNG and ORF; ISO boxes for CR3; a header of
 * offsets for RAF), the bytes are searched for JPEG streams, each walked marker by marker to
 * its end, and the one with the most pixels wins. Lossless JPEG (SOF3, the sensor data of
 * CR2 and many DNGs) is not a picture and is skipped.
 */
export async function largestEmbeddedJpeg(file: string): Promise<EmbeddedJpeg | undefined> {
  const stat = await fsp.stat(file)
  if (stat.size > MAX_RAW_BYTES) return undefined
  const bytes = await fsp.readFile(file)
  return findLargestJpeg(bytes)
}

export function findLargestJpeg(bytes: Buffer): EmbeddedJpeg | undefined {
  let best: { start: number; end: number; width: number; height: number } | undefined
  let from = 0
  for (;;) {
    const start = bytes.indexOf(SOI, from)
    if (start < 0) break
    const found = walkJpeg(bytes, start)
    if (found && found.width * found.height > (best ? best.width * best.height : 0)) best = { start, ...found }
    // A whole JPEG is skipped past (its own EXIF thumbnail is smaller); a false start only by a byte.
    from = found ? found.end : start + 1
  }
  return best && { jpeg: bytes.subarray(best.start, best.end), width: best.width, height: best.height }
}

const SOI = Buffer.from([0xff, 0xd8, 0xff])

/** Frame types that hold a picture a JPEG decoder shows: baseline, extended and progressive Huffman. */
const PICTURE_FRAMES = new Set([0xc0, 0xc1, 0xc2])

function walkJpeg(b: Buffer, start: number): { end: number; width: number; height: number } | undefined {
  let i = start + 2
  let width = 0
  let height = 0
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return undefined
    const marker = b[i + 1]
    if (marker === 0xff) {
      i++ // fill byte
      continue
    }
    const length = b.readUInt16BE(i + 2)
    if (length < 2) return undefined
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (!PICTURE_FRAMES.has(marker) || i + 9 > b.length) return undefined
      height = b.readUInt16BE(i + 5)
      width = b.readUInt16BE(i + 7)
      if (!width || !height) return undefined
    }
    if (marker === 0xda) {
      if (!width) return undefined
      // Entropy-coded data: runs to the first marker that is neither a stuffed 0x00 nor a restart.
      let j = i + 2 + length
      for (;;) {
        j = b.indexOf(0xff, j)
        if (j < 0 || j + 1 >= b.length) return undefined
        const next = b[j + 1]
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
          j += next === 0xff ? 1 : 2
          continue
        }
        if (next === 0xd9) return { end: j + 2, width, height }
        // Another scan (progressive) or a table between scans: walk on from it.
        i = j
        break
      }
      continue
    }
    if (marker === 0xd9) return width ? { end: i + 2, width, height } : undefined
    i += 2 + length
  }
  return undefined
}
