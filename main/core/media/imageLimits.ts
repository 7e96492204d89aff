import sharp, { type Metadata } from 'sharp'
import { AppError } from '../../../shared/errors.js'

/**
 * The most pixels an image may have to be edited, and the most an edit may make (at any
 * step). An edit works on raw RGBA pixels, 4 bytes each, and holds two steps at once: at 100
 * megapixels the process peaked at 1.1 GB, where a 16000 × 16000 resize took 3 GB and 80 s.
 * docs/images.md says more.
 */
export const MAX_IMAGE_PIXELS = 100_000_000

const megapixels = (pixels: number) => `${(pixels / 1_000_000).toLocaleString('en', { maximumFractionDigits: 2 })} megapixels`
const size = (width: number, height: number) => `${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels`

/** Refuses a size an edit may not make; `what` says which image it is ("The result", "The image after step 2"). */
export function checkOutputPixels(width: number, height: number, what: string): void {
  if (width * height <= MAX_IMAGE_PIXELS) return
  throw new AppError(
    'LIMIT_EXCEEDED',
    `${what} would be ${size(width, height)} (${megapixels(width * height)}); an edit may make images of at most ${megapixels(MAX_IMAGE_PIXELS)}.`,
    { width, height, limit: MAX_IMAGE_PIXELS },
  )
}

/**
 * The image's size as people see it (EXIF orientation applied), read from its header only,
 * refused when it is too large to work on. sharp's `limitInputPixels` stands behind this
 * check in every pipeline, for a header that lies.
 */
export async function checkedInputSize(input: Buffer | string, name: string): Promise<{ width: number; height: number }> {
  let meta: Metadata
  try {
    meta = await sharp(input, { animated: false, limitInputPixels: false }).metadata()
  } catch (error) {
    throw new AppError('INVALID_INPUT', `"${name}" could not be read as an image: ${(error as Error).message}`)
  }
  const turned = (meta.orientation ?? 1) >= 5
  const width = (turned ? meta.height : meta.width) ?? 0
  const height = (turned ? meta.width : meta.height) ?? 0
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new AppError(
      'LIMIT_EXCEEDED',
      `"${name}" is ${size(width, height)} (${megapixels(width * height)}); images of at most ${megapixels(MAX_IMAGE_PIXELS)} can be worked on.`,
      { width, height, limit: MAX_IMAGE_PIXELS },
    )
  }
  return { width, height }
}
