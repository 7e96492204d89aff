/**
 * Which files get a thumbnail and a preview, shared by the core (which makes them) and the
 * renderer (which asks for them rather than showing an icon by type). Images are decoded by
 * libvips; a video gives a poster frame, a PDF its first page, a camera RAW file its embedded
 * preview (docs/media.md).
 */
const IMAGES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif', 'image/tiff', 'image/svg+xml', 'image/heif', 'image/heic'])
const RAW = new Set(['image/x-canon-cr2', 'image/x-canon-cr3', 'image/x-nikon-nef', 'image/x-sony-arw', 'image/x-adobe-dng', 'image/x-fujifilm-raf', 'image/x-olympus-orf'])

export type RenditionSource = 'image' | 'video' | 'pdf' | 'raw'

export function renditionSource(mime: string | undefined): RenditionSource | null {
  if (!mime) return null
  if (IMAGES.has(mime)) return 'image'
  if (RAW.has(mime)) return 'raw'
  if (mime === 'application/pdf') return 'pdf'
  if (mime.startsWith('video/')) return 'video'
  return null
}

export function hasRendition(mime: string | undefined): boolean {
  return renditionSource(mime) !== null
}

export function isRawMime(mime: string | undefined): boolean {
  return mime !== undefined && RAW.has(mime)
}

/**
 * Images whose pixels the app can rewrite (edits, background removal, auto tags read them):
 * what libvips reads and writes back. A RAW photo is not one: its picture is the camera's
 * embedded JPEG, and an edit would replace the sensor data with that JPEG, so the menu does
 * not offer edits for it (docs/media.md); its focus area is set on the preview.
 */
const EDITABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/tiff', 'image/gif', 'image/svg+xml', 'image/heif'])

export function isEditableImage(mime: string | undefined): boolean {
  return mime !== undefined && EDITABLE.has(mime)
}
