import type { EmbeddedMetadata } from '../../../shared/domain.js'
import { loadTags, type MetadataSource, type Tags } from './metadataTags.js'
import { fromExif, fromIptc, fromXmp } from './takenAt.js'

/** EXIF, IPTC and XMP usually sit near the start of a file; this much is read to find them (the rest only when they reach further). */
export const EMBEDDED_BYTES = 512 * 1024

type Tag = { value?: unknown; description?: unknown } | undefined

const clean = (v: unknown): string | undefined => {
  if (typeof v === 'number') return String(v)
  if (typeof v !== 'string') return undefined
  // EXIF strings are padded with NULs and spaces.
  const text = v.replace(/\0+$/, '').trim()
  return text || undefined
}

/** One value: an EXIF, IPTC or PNG string, or an XMP simple value or language alternative (x-default first). */
function text(tag: Tag | Tag[]): string | undefined {
  if (Array.isArray(tag)) return text(tag[0])
  if (!tag) return undefined
  if (Array.isArray(tag.value) && tag.value.length && typeof tag.value[0] === 'object' && tag.value[0] !== null) {
    const items = tag.value as { value?: unknown; description?: unknown; attributes?: { lang?: string } }[]
    const preferred = items.find((i) => i.attributes?.lang === 'x-default') ?? items[0]
    return clean(preferred.description ?? preferred.value)
  }
  return clean(tag.description)
}

/** A list: XMP bag items or repeated IPTC datasets, each kept whole (a keyword may hold a comma). */
function items(tag: Tag | Tag[]): string[] {
  const all = Array.isArray(tag) ? tag : tag ? [tag] : []
  return all.flatMap((t) => {
    if (!t) return []
    if (Array.isArray(t.value) && t.value.some((v) => v && typeof v === 'object' && !Array.isArray(v))) {
      return (t.value as { description?: unknown; value?: unknown }[]).map((v) => clean(v.description ?? v.value)).filter((v): v is string => !!v)
    }
    const one = clean(t.description)
    return one ? [one] : []
  })
}

const rational = (tag: Tag): number | undefined => {
  const v = tag?.value
  if (typeof v === 'number') return v
  if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'number' && v[1] !== 0) return v[0] / v[1]
  return undefined
}

const first = <T>(...values: (T | undefined)[]): T | undefined => values.find((v) => v !== undefined)
const firstList = (...lists: string[][]): string[] => lists.find((l) => l.length > 0) ?? []

export interface EmbeddedRead {
  embedded?: EmbeddedMetadata
  /** EXIF Orientation (1–8), which turns the stored pixels into the displayed image. */
  orientation?: number
}

/**
 * What a person looks for in a photo's embedded metadata, reconciled across EXIF, IPTC and
 * XMP as the Metadata Working Group guidelines say (docs/metadata.md): EXIF first for what it
 * defines, then XMP, then IPTC-IIM; absent fields are left out.
 */
export async function readEmbedded(source: MetadataSource): Promise<EmbeddedRead> {
  const tags = await loadTags(source)
  return tags ? reconcile(tags) : {}
}

export function reconcile(tags: Tags): EmbeddedRead {
  const exif = (tags.exif ?? {}) as Record<string, Tag>
  const iptc = (tags.iptc ?? {}) as Record<string, Tag | Tag[]>
  const xmp = (tags.xmp ?? {}) as Record<string, Tag>
  const png = (tags.pngText ?? {}) as Record<string, Tag>
  const out: EmbeddedMetadata = {}

  const make = first(text(exif.Make), text(xmp.Make))
  const model = first(text(exif.Model), text(xmp.Model))
  const camera = model && make && !model.toLowerCase().startsWith(make.toLowerCase()) ? `${make} ${model}` : (model ?? make)
  if (camera) out.camera = camera
  const lens = first(text(exif.LensModel), text(xmp.LensModel), text(xmp.Lens))
  if (lens) out.lens = lens

  const takenAt = first(
    fromExif(text(exif.DateTimeOriginal), text(exif.SubSecTimeOriginal), text(exif.OffsetTimeOriginal)),
    fromXmp(text(xmp.DateTimeOriginal)),
    fromXmp(text(xmp.DateCreated)),
    fromIptc(text(iptc['Date Created']), text(iptc['Time Created'])),
    fromExif(text(exif.DateTimeDigitized), text(exif.SubSecTimeDigitized), text(exif.OffsetTimeDigitized)),
    fromXmp(text(xmp.CreateDate)),
  )
  if (takenAt) out.takenAt = takenAt

  const parts: string[] = []
  const exposure = rational(exif.ExposureTime)
  const fNumber = rational(exif.FNumber)
  const iso = rational(exif.ISOSpeedRatings) ?? rational(exif.PhotographicSensitivity)
  const focal = rational(exif.FocalLength)
  if (exposure) parts.push(exposure >= 1 ? `${+exposure.toFixed(1)}s` : `1/${Math.round(1 / exposure)}s`)
  if (fNumber) parts.push(`f/${+fNumber.toFixed(1)}`)
  if (iso) parts.push(`ISO ${iso}`)
  if (focal) parts.push(`${+focal.toFixed(1)}mm`)
  if (parts.length) out.exposure = parts.join(' ')

  const gps = tags.gps
  if (typeof gps?.Latitude === 'number' && typeof gps.Longitude === 'number' && Number.isFinite(gps.Latitude) && Number.isFinite(gps.Longitude)) {
    out.gps = { latitude: gps.Latitude, longitude: gps.Longitude }
  }

  // IPTC-IIM's own fields: XMP first (no IPTC digest is checked, so XMP is taken as in step), then IIM, then Windows' XP tags and PNG text.
  const keywords = firstList(items(xmp.subject), items(iptc.Keywords), (text(exif.XPKeywords) ?? '').split(';').map((k) => k.trim()).filter(Boolean))
  if (keywords.length) out.keywords = [...new Set(keywords)]
  const title = first(text(xmp.title), text(iptc['Object Name']), text(exif.XPTitle), text(png.Title))
  if (title) out.title = title
  // EXIF's ImageDescription is the description, and comes first (MWG).
  const caption = first(text(exif.ImageDescription), text(xmp.description), text(iptc['Caption/Abstract']), text(exif.XPComment), text(png.Description))
  if (caption) out.caption = caption
  const copyright = first(text(exif.Copyright), text(xmp.rights), text(iptc['Copyright Notice']), text(png.Copyright))
  if (copyright) out.copyright = copyright

  const orientation = exif.Orientation?.value
  return {
    ...(Object.keys(out).length ? { embedded: out } : {}),
    ...(typeof orientation === 'number' && orientation >= 1 && orientation <= 8 ? { orientation } : {}),
  }
}
