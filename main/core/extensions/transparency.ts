import sharp from 'sharp'
import { MAX_IMAGE_PIXELS } from '../media/imageLimits.js'

/** Whether every pixel of the image is fully transparent (an image without alpha never is). */
export async function fullyTransparent(image: Buffer): Promise<boolean> {
  const pipeline = sharp(image, { animated: false, limitInputPixels: MAX_IMAGE_PIXELS })
  const [{ hasAlpha }, { channels }] = await Promise.all([pipeline.metadata(), pipeline.stats()])
  // Alpha is the last channel, after grey or red, green and blue.
  return !!hasAlpha && channels[channels.length - 1].max === 0
}
