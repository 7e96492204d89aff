import path from 'node:path'
import { fileTypeFromBuffer } from 'file-type'
import { imageSize } from 'image-size'

/** Enough of a file's start for both the type and the dimensions of common image formats. */
export const SNIFF_BYTES = 64 * 1024

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
 * The MIME type comes from the content (SPEC section 3), so a renamed file keeps its true
 * type; text formats without a signature fall back to the extension.
 */
export async function sniff(head: Buffer, name: string): Promise<{ mime: string; width?: number; height?: number }> {
  const detected = await fileTypeFromBuffer(head).catch(() => undefined)
  let mime = detected?.mime ?? BY_EXTENSION[path.extname(name).toLowerCase()] ?? (looksLikeText(head) ? 'text/plain' : 'application/octet-stream')
  if (mime === 'application/xml' && /<svg[\s>]/i.test(head.toString('utf8', 0, 4096))) mime = 'image/svg+xml'
  if (mime === 'text/plain' && /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(head.toString('utf8', 0, 4096))) mime = 'image/svg+xml'
  if (!mime.startsWith('image/')) return { mime }
  try {
    const size = imageSize(head)
    const rotated = size.orientation !== undefined && size.orientation >= 5
    return size.width && size.height
      ? { mime, width: rotated ? size.height : size.width, height: rotated ? size.width : size.height }
      : { mime }
  } catch {
    return { mime }
  }
}

function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return true
  const sample = head.subarray(0, 1024)
  return !sample.includes(0) && Buffer.from(sample.toString('utf8'), 'utf8').equals(sample)
}
