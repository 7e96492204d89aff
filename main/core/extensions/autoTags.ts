import sharp from 'sharp'
import { loadTags } from '../media/metadataTags.js'
import { reconcile } from '../media/embedded.js'
import { colourName } from './palette.js'
import { MAX_IMAGE_PIXELS } from '../media/imageLimits.js'

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/**
 * Tags suggested from the image itself, offline: its embedded keywords and subjects, camera
 * make and model, year and month taken, orientation, dominant colour, transparency and
 * whether it carries a location. The user chooses which to add.
 */
export async function suggestTags(image: Buffer): Promise<string[]> {
  const tags = new Set<string>()
  const pipeline = sharp(image, { animated: false, limitInputPixels: MAX_IMAGE_PIXELS })
  const [meta, stats] = await Promise.all([pipeline.metadata(), pipeline.stats()])
  const rotated = (meta.orientation ?? 1) >= 5
  const width = rotated ? meta.height : meta.width
  const height = rotated ? meta.width : meta.height
  if (width && height) tags.add(width > height * 1.05 ? 'landscape' : height > width * 1.05 ? 'portrait' : 'square')
  tags.add(colourName(stats.dominant.r, stats.dominant.g, stats.dominant.b))
  if (!stats.isOpaque) tags.add('transparent')
  // The same reading and reconciling as the details panel's (docs/metadata.md): keywords whole, the day as the file states it.
  const read = await loadTags({ head: image }).catch(() => undefined)
  const embedded = read ? reconcile(read).embedded : undefined
  if (embedded) {
    for (const keyword of embedded.keywords ?? []) tags.add(keyword)
    const make = String(read?.exif?.Make?.description ?? '').replace(/\0+$/, '').trim()
    if (make) tags.add(make)
    if (embedded.camera) tags.add(embedded.camera)
    if (embedded.takenAt) {
      tags.add(embedded.takenAt.slice(0, 4))
      const month = MONTHS[Number(embedded.takenAt.slice(5, 7)) - 1]
      if (month) tags.add(month)
    }
    if (embedded.gps) tags.add('has location')
  }
  return [...tags]
}
