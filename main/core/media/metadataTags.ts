import ExifReader from 'exifreader'
import { DOMParser, onErrorStopParsing } from '@xmldom/xmldom'
import type { EmbeddedField } from '../../../shared/views.js'
import { isTiff, tiffMetadataFromFile } from './tiffMetadata.js'

export type Tags = ExifReader.ExpandedTags

/** Where a file's bytes are: its first bytes in memory and, for what lies beyond them, the file. */
export interface MetadataSource {
  head: Buffer
  /** The whole file, read only when the metadata reaches past the head. */
  path?: string
  size?: number
}

/**
 * ExifReader rather than exifr: it reads WebP's EXIF and XMP chunks, IPTC inside TIFF (tag
 * 33723), HEIC/AVIF items anywhere in the file, PNG text chunks, Windows' XP* tags, decodes
 * IPTC by its CodedCharacterSet (UTF-8 when it says ESC % G, else UTF-8 when valid, else
 * Latin-1, as the MWG guidelines say), keeps each IPTC keyword whole, and gives dates as
 * written rather than as a `Date` in the machine's time zone.
 */
const options = () => ({
  expanded: true as const,
  includeOffsets: true as const,
  length: 'auto' as const,
  // Multi-picture previews sit megabytes into a phone's JPEG: following them reads the whole file.
  excludeTags: { mpf: true as const },
  domParser: new DOMParser({ onError: onErrorStopParsing }),
})

/** Every tag ExifReader finds, grouped as it groups them; undefined when there are none or the file is not one it knows. */
export async function loadTags(source: MetadataSource): Promise<Tags | undefined> {
  const beyondHead = source.path !== undefined && (source.size ?? 0) > source.head.length
  try {
    if (isTiff(source.head)) {
      // A TIFF's directories may lie anywhere (libtiff writes them after the pixels): only they are read.
      const compact = beyondHead ? await tiffMetadataFromFile(source.path!) : source.head
      return compact ? ExifReader.load(compact, { expanded: true, domParser: options().domParser }) : undefined
    }
    const tags = await ExifReader.load(source.head, options())
    if (tags.metadataRange && !tags.metadataRange.complete && beyondHead) return await ExifReader.load(source.path!, options())
    return tags
  } catch {
    if (!beyondHead || isTiff(source.head)) return undefined
    // A header cut off by the head (a large XMP packet, a HEIC's items near its end): read on from the file.
    return ExifReader.load(source.path!, options()).catch(() => undefined)
  }
}


const HIDDEN = new Set(['_raw', 'metadataRange'])
/** Bytes rather than values: shown by their size only. */
const BINARY = new Set(['IPTC-NAA', 'ApplicationNotes', 'JPEGTables', 'MakerNote', 'base64', 'image'])

/** Every field read, as text, for the "All metadata" view; long binary values are summarised. */
export function allFields(tags: Tags): EmbeddedField[] {
  const out: EmbeddedField[] = []
  for (const [group, entries] of Object.entries(tags)) {
    if (HIDDEN.has(group) || !entries || typeof entries !== 'object') continue
    for (const [name, tag] of Object.entries(entries as Record<string, unknown>)) {
      if (HIDDEN.has(name)) continue
      const value = describe(name, tag)
      if (value !== undefined && value !== '') out.push({ group, name, value: value.length > 2000 ? `${value.slice(0, 2000)}…` : value })
    }
  }
  return out
}

function describe(name: string, tag: unknown): string | undefined {
  if (tag === null || tag === undefined) return undefined
  if (BINARY.has(name) && (typeof tag === 'string' || tag instanceof ArrayBuffer || ArrayBuffer.isView(tag))) return '(binary data)'
  if (typeof tag === 'number' || typeof tag === 'string') return String(tag)
  if (Array.isArray(tag)) return tag.map((t) => describe(name, t)).filter(Boolean).join('; ')
  if (typeof tag !== 'object') return undefined
  const { value, description } = tag as { value?: unknown; description?: unknown }
  if (BINARY.has(name) || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const length = Array.isArray(value) ? value.length : ArrayBuffer.isView(value) ? value.byteLength : undefined
    return length === undefined ? '(binary data)' : `(binary data, ${length} bytes)`
  }
  // XMP lists: their items, not ExifReader's comma-joined description, which blurs items holding commas.
  if (Array.isArray(value) && value.every((v) => v && typeof v === 'object' && 'description' in v)) {
    return value.map((v) => String((v as { description: unknown }).description)).join('; ')
  }
  if (typeof description === 'string' || typeof description === 'number') return String(description)
  return undefined
}
