import sharp from 'sharp'
import exifr from 'exifr'
import { colourName } from './palette.js'

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/**
 * Tags suggested from the image itself, offline: its embedded keywords and subjects, camera
 * make and model, year and month taken, orientation, dominant colour, transparency and
 * whether it carries a location. The user chooses which to add.
 */
export async function suggestTags(image: Buffer): Promise<string[]> {
  const tags = new Set<string>()
  const pipeline = sharp(image, { animated: false })
  const [meta, stats] = await Promise.all([pipeline.metadata(), pipeline.stats()])
  const rotated = (meta.orientation ?? 1) >= 5
  const width = rotated ? meta.height : meta.width
  const height = rotated ? meta.width : meta.height
  if (width && height) tags.add(width > height * 1.05 ? 'landscape' : height > width * 1.05 ? 'portrait' : 'square')
  tags.add(colourName(stats.dominant.r, stats.dominant.g, stats.dominant.b))
  if (!stats.isOpaque) tags.add('transparent')
  const embedded = await exifr
    .parse(image, { tiff: true, exif: true, gps: true, iptc: true, xmp: true, ifd0: {}, mergeOutput: true })
    .catch(() => null) as Record<string, unknown> | null
  if (embedded) {
    for (const key of ['Keywords', 'subject', 'Subject']) {
      const value = embedded[key]
      for (const word of Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[;,]/) : []) {
        const clean = String(word).trim()
        if (clean) tags.add(clean)
      }
    }
    const make = typeof embedded.Make === 'string' ? embedded.Make.trim() : ''
    const model = typeof embedded.Model === 'string' ? embedded.Model.trim() : ''
    if (make) tags.add(make)
    if (model) tags.add(model.toLowerCase().startsWith(make.toLowerCase()) || !make ? model : `${make} ${model}`)
    const taken = embedded.DateTimeOriginal ?? embedded.CreateDate
    if (taken instanceof Date && !Number.isNaN(taken.getTime())) {
      tags.add(String(taken.getUTCFullYear()))
      tags.add(MONTHS[taken.getUTCMonth()])
    }
    if (typeof embedded.latitude === 'number' && typeof embedded.longitude === 'number') tags.add('has location')
  }
  return [...tags]
}
