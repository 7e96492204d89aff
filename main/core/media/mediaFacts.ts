import sharp from 'sharp'
import type { EmbeddedMetadata, MediaProperties } from '../../../shared/domain.js'
import { isRawMime, renditionSource } from '../../../shared/mediaKinds.js'
import { readEmbedded } from './embedded.js'
import { pdfInfo } from './pdf.js'
import { largestEmbeddedJpeg } from './rawPreview.js'
import { probeVideo } from './video.js'

export interface MediaFacts {
  width?: number
  height?: number
  media?: MediaProperties
  embedded?: EmbeddedMetadata
  /** Why nothing could be read (a corrupt video or PDF): the file is kept all the same. */
  note?: string
}

/**
 * What a video, PDF or RAW file says of itself, read when it arrives: a video's frame size,
 * duration, codec and frame rate (ffprobe), a PDF's page count (MuPDF), a RAW file's EXIF and
 * the size of its embedded preview. A file that cannot be read is still stored: it gets no
 * facts, and later an icon with the reason instead of a thumbnail.
 */
export async function readMediaFacts(mime: string, whole: { head: Buffer; path: string; size: number }, signal?: AbortSignal): Promise<MediaFacts> {
  const source = renditionSource(mime)
  try {
    if (source === 'video') {
      const probe = await probeVideo(whole.path, signal)
      return { ...(probe.width ? { width: probe.width, height: probe.height } : {}), media: probe.media }
    }
    if (source === 'pdf') {
      const info = await pdfInfo(whole.path)
      return { media: { pages: info.pages } }
    }
    if (isRawMime(mime)) return await rawFacts(whole)
  } catch (error) {
    return { note: (error as Error).message }
  }
  return {}
}

/**
 * EXIF from the RAW file itself where its container is TIFF (CR2, NEF, ARW, DNG); otherwise
 * (CR3, RAF, ORF's own header) from the embedded preview, which the camera writes with the
 * same EXIF. Width and height are the preview's, turned by the orientation.
 */
async function rawFacts(whole: { head: Buffer; path: string; size: number }): Promise<MediaFacts> {
  const own = await readEmbedded(whole).catch(() => ({}) as Awaited<ReturnType<typeof readEmbedded>>)
  const preview = await largestEmbeddedJpeg(whole.path)
  if (!preview) return own.embedded ? { embedded: own.embedded } : {}
  const fromPreview = own.embedded ? own : await readEmbedded({ head: preview.jpeg }).catch(() => ({}) as Awaited<ReturnType<typeof readEmbedded>>)
  const orientation = own.orientation ?? fromPreview.orientation ?? (await sharp(preview.jpeg).metadata().catch(() => undefined))?.orientation
  const turned = orientation !== undefined && orientation >= 5
  return {
    width: turned ? preview.height : preview.width,
    height: turned ? preview.width : preview.height,
    ...(fromPreview.embedded ? { embedded: fromPreview.embedded } : {}),
  }
}
