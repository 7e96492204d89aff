import sharp from 'sharp'
import type { EditOp } from '../../../shared/contract/media.js'

export type OutputFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'tiff' | 'gif'

const WRITABLE: Record<string, OutputFormat> = {
  'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp', 'image/avif': 'avif', 'image/tiff': 'tiff', 'image/gif': 'gif',
}

/** Formats sharp can read, so edits and thumbnails are offered for them. */
export function isEditable(mime: string): boolean {
  return mime in WRITABLE || mime === 'image/svg+xml' || mime === 'image/heif'
}

/** The format an edit writes when none is asked for: the original's, or PNG where sharp cannot write that. */
export function defaultFormat(mime: string): OutputFormat {
  return WRITABLE[mime] ?? 'png'
}

/**
 * Applies the edits in the order given. sharp reorders operations inside one pipeline, so
 * each step is its own pipeline over raw pixels; the image is decoded once (EXIF orientation
 * applied first, so "rotate 90" means what the user sees) and encoded once at the end.
 */
export async function applyEdits(input: Buffer, ops: EditOp[], format: OutputFormat): Promise<Buffer> {
  let current = await sharp(input, { animated: false }).rotate().ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  for (const op of ops) {
    const { width, height } = current.info
    let step = sharp(current.data, { raw: { width, height, channels: current.info.channels } })
    switch (op.op) {
      case 'crop': {
        const left = Math.min(width - 1, Math.round(op.x * width))
        const top = Math.min(height - 1, Math.round(op.y * height))
        step = step.extract({
          left,
          top,
          width: Math.max(1, Math.min(width - left, Math.round(op.width * width))),
          height: Math.max(1, Math.min(height - top, Math.round(op.height * height))),
        })
        break
      }
      case 'rotate':
        step = step.rotate(op.degrees)
        break
      case 'flip':
        step = op.axis === 'vertical' ? step.flip() : step.flop()
        break
      case 'resize':
        // Both sides given: exactly that size. One side: the other follows the aspect ratio.
        step = step.resize(op.width, op.height, { fit: op.width !== undefined && op.height !== undefined ? 'fill' : 'inside' })
        break
    }
    current = await step.raw().toBuffer({ resolveWithObject: true })
  }
  const { width, height, channels } = current.info
  const out = sharp(current.data, { raw: { width, height, channels } })
  switch (format) {
    case 'jpeg':
      return out.flatten({ background: '#ffffff' }).jpeg({ quality: 90, mozjpeg: true }).toBuffer()
    case 'png':
      return out.png().toBuffer()
    case 'webp':
      return out.webp({ quality: 90 }).toBuffer()
    case 'avif':
      return out.avif({ quality: 60 }).toBuffer()
    case 'tiff':
      return out.tiff().toBuffer()
    case 'gif':
      return out.gif().toBuffer()
  }
}
