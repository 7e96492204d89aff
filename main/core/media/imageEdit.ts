import sharp from 'sharp'
import type { EditOp } from '../../../shared/contract/images.js'
import { isEditableImage } from '../../../shared/mediaKinds.js'
import { MAX_IMAGE_PIXELS, checkOutputPixels, checkedInputSize } from './imageLimits.js'

export type OutputFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'tiff' | 'gif'

const WRITABLE: Record<string, OutputFormat> = {
  'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp', 'image/avif': 'avif', 'image/tiff': 'tiff', 'image/gif': 'gif',
}

/** Formats sharp can read and the app can write an edit of (the same rule the menu offers edits by). */
export function isEditable(mime: string): boolean {
  return isEditableImage(mime)
}

/** The format an edit writes when none is asked for: the original's, or PNG where sharp cannot write that. */
export function defaultFormat(mime: string): OutputFormat {
  return WRITABLE[mime] ?? 'png'
}

/** The size after a resize, as sharp makes it: both sides given is exactly that; one side keeps the aspect ratio. */
function resizedSize(width: number, height: number, op: Extract<EditOp, { op: 'resize' }>): { width: number; height: number } {
  if (op.width !== undefined && op.height !== undefined) return { width: op.width, height: op.height }
  if (op.width !== undefined) return { width: op.width, height: Math.max(1, Math.round((height * op.width) / width)) }
  return { width: Math.max(1, Math.round((width * op.height!) / height)), height: op.height! }
}

/** The crop rectangle in pixels of an image of this size. */
function cropBox(width: number, height: number, op: Extract<EditOp, { op: 'crop' }>) {
  const left = Math.min(width - 1, Math.round(op.x * width))
  const top = Math.min(height - 1, Math.round(op.y * height))
  return {
    left,
    top,
    width: Math.max(1, Math.min(width - left, Math.round(op.width * width))),
    height: Math.max(1, Math.min(height - top, Math.round(op.height * height))),
  }
}

/** The size after each step; refuses, before any pixel is touched, an edit that would make too large an image at any step. */
export function plannedSizes(width: number, height: number, ops: EditOp[]): { width: number; height: number }[] {
  const sizes: { width: number; height: number }[] = []
  let current = { width, height }
  ops.forEach((op, i) => {
    if (op.op === 'crop') current = cropBox(current.width, current.height, op)
    else if (op.op === 'rotate' && op.degrees !== 180) current = { width: current.height, height: current.width }
    else if (op.op === 'resize') current = resizedSize(current.width, current.height, op)
    checkOutputPixels(current.width, current.height, ops.length === 1 ? 'The result' : `The image after step ${i + 1} (${op.op})`)
    sizes.push(current)
  })
  return sizes
}

/**
 * Applies the edits in the order given. sharp reorders operations inside one pipeline, so
 * each step is its own pipeline over raw pixels; the image is decoded once (EXIF orientation
 * applied first, so "rotate 90" means what the user sees) and encoded once at the end. The
 * sizes are planned first, so an edit that would make too large an image is refused before
 * any work; every pipeline also carries sharp's own pixel limit.
 */
export async function applyEdits(input: Buffer, ops: EditOp[], format: OutputFormat, name = 'image'): Promise<Buffer> {
  const { width: inputWidth, height: inputHeight } = await checkedInputSize(input, name)
  plannedSizes(inputWidth, inputHeight, ops)
  const limitInputPixels = MAX_IMAGE_PIXELS
  let current = await sharp(input, { animated: false, limitInputPixels }).rotate().ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  for (const op of ops) {
    const { width, height } = current.info
    let step = sharp(current.data, { raw: { width, height, channels: current.info.channels }, limitInputPixels })
    switch (op.op) {
      case 'crop':
        step = step.extract(cropBox(width, height, op))
        break
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
  const out = sharp(current.data, { raw: { width, height, channels }, limitInputPixels })
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
