import path from 'node:path'
import { fileTypeFromFile, fileTypeFromTokenizer } from 'file-type'
import { imageSize } from 'image-size'
import sharp from 'sharp'
import { isRawMime } from '../../../shared/mediaKinds.js'
import { RAW_MIMES } from '../media/rawPreview.js'
import { HeadTokenizer } from './headTokenizer.js'

/** Where the whole file is, for what its first bytes do not answer. */
export interface WholeFile {
  path: string
  size: number
}

export interface Sniffed {
  mime: string
  /** As stored, before any EXIF orientation turns them. */
  width?: number
  height?: number
  /** EXIF orientation, where the size reader saw one. */
  orientation?: number
}

const BY_EXTENSION: Record<string, string> = {
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.html': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
}

/**
 * The MIME type comes from the content, so a renamed file keeps its true type; text formats
 * without a signature fall back to the extension. The head answers for most files; the whole
 * file is read where it does not (a TIFF whose directory follows the pixels, as libtiff writes
 * it, or a JPEG whose frame header follows hundreds of KB of metadata).
 */
export async function sniff(head: Buffer, name: string, whole?: WholeFile): Promise<Sniffed> {
  const more = whole !== undefined && whole.size > head.length
  const tokenizer = new HeadTokenizer(head, more ? whole.size : head.length)
  let detected = await fileTypeFromTokenizer(tokenizer).catch(() => undefined)
  // Only a detector that read past the head could answer otherwise from the whole file.
  if (more && tokenizer.wantedMore) detected = await fileTypeFromFile(whole.path).catch(() => undefined)
  let mime = detected?.mime ?? BY_EXTENSION[path.extname(name).toLowerCase()] ?? (looksLikeText(head) ? 'text/plain' : 'application/octet-stream')
  if (mime === 'application/xml' && /<svg[\s>]/i.test(head.toString('utf8', 0, 4096))) mime = 'image/svg+xml'
  if (mime === 'text/plain' && /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(head.toString('utf8', 0, 4096))) mime = 'image/svg+xml'
  // file-type knows some RAW files only as TIFF (a NEF from many bodies): the extension says which.
  const raw = RAW_MIMES[path.extname(name).toLowerCase()]
  if (raw && (mime === 'image/tiff' || !detected)) mime = raw
  // A RAW file's size is its preview's, learnt where the preview is found (media/mediaFacts.ts).
  if (!mime.startsWith('image/') || isRawMime(mime)) return { mime }
  try {
    const size = imageSize(head)
    if (size.width && size.height) return { mime, width: size.width, height: size.height, ...(size.orientation ? { orientation: size.orientation } : {}) }
  } catch {
    // Not in the head: the file is asked below.
  }
  if (!more || mime === 'image/svg+xml') return { mime }
  // libvips reads only the headers it needs, wherever they are.
  const meta = await sharp(whole.path).metadata().catch(() => undefined)
  return meta?.width && meta.height ? { mime, width: meta.width, height: meta.height, ...(meta.orientation ? { orientation: meta.orientation } : {}) } : { mime }
}

/** Width and height as the image is shown: orientations 5–8 turn it a quarter. */
export function displayed(size: { width?: number; height?: number }, orientation: number | undefined): { width?: number; height?: number } {
  if (size.width === undefined || size.height === undefined) return {}
  return orientation !== undefined && orientation >= 5 ? { width: size.height, height: size.width } : { width: size.width, height: size.height }
}

function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return true
  const sample = head.subarray(0, 1024)
  return !sample.includes(0) && Buffer.from(sample.toString('utf8'), 'utf8').equals(sample)
}
