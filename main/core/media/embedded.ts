import exifr from 'exifr'
import type { EmbeddedMetadata } from '../../../shared/domain.js'

/** EXIF, IPTC and XMP sit near the start of a file; this much is read to find them. */
export const EMBEDDED_BYTES = 512 * 1024

const text = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined
  // XMP language alternatives come as {lang, value}; several of them as a list of those.
  if (Array.isArray(v)) return text(v[0])
  if (v && typeof v === 'object' && 'value' in v) return text((v as { value: unknown }).value)
  return undefined
}

const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[;,]/) : []).map((x) => String(x).trim()).filter(Boolean)

/** What a person looks for in a photo's embedded metadata; absent fields are left out. */
export async function readEmbedded(head: Buffer): Promise<EmbeddedMetadata | undefined> {
  let raw: Record<string, unknown> | undefined
  try {
    raw = await exifr.parse(head, { tiff: true, exif: true, gps: true, iptc: true, xmp: true, ifd0: {}, mergeOutput: true, translateValues: true })
  } catch {
    return undefined
  }
  if (!raw) return undefined
  const out: EmbeddedMetadata = {}
  const make = text(raw.Make)
  const model = text(raw.Model)
  const camera = model && make && !model.toLowerCase().startsWith(make.toLowerCase()) ? `${make} ${model}` : (model ?? make)
  if (camera) out.camera = camera
  const lens = text(raw.LensModel) ?? text(raw.Lens)
  if (lens) out.lens = lens
  const taken = raw.DateTimeOriginal ?? raw.CreateDate
  if (taken instanceof Date && !Number.isNaN(taken.getTime())) out.takenAt = taken.toISOString()
  const parts: string[] = []
  if (typeof raw.ExposureTime === 'number') parts.push(raw.ExposureTime >= 1 ? `${raw.ExposureTime}s` : `1/${Math.round(1 / raw.ExposureTime)}s`)
  if (typeof raw.FNumber === 'number') parts.push(`f/${raw.FNumber}`)
  if (typeof raw.ISO === 'number') parts.push(`ISO ${raw.ISO}`)
  if (typeof raw.FocalLength === 'number') parts.push(`${raw.FocalLength}mm`)
  if (parts.length) out.exposure = parts.join(' ')
  if (typeof raw.latitude === 'number' && typeof raw.longitude === 'number') out.gps = { latitude: raw.latitude, longitude: raw.longitude }
  const keywords = [...new Set([...list(raw.Keywords), ...list(raw.subject)])]
  if (keywords.length) out.keywords = keywords
  const title = text(raw.title) ?? text(raw.ObjectName) ?? text(raw.ImageDescription)
  if (title) out.title = title
  const caption = text(raw.description) ?? text(raw['Caption-Abstract'])
  if (caption) out.caption = caption
  const copyright = text(raw.Copyright) ?? text(raw.rights) ?? text(raw.CopyrightNotice)
  if (copyright) out.copyright = copyright
  return Object.keys(out).length ? out : undefined
}
