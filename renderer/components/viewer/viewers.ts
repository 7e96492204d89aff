import type { ComponentType } from 'react'
import type { AssetView } from '../../../shared/views.js'
import { renditionSource } from '../../../shared/mediaKinds.js'
import { FallbackViewer } from './FallbackViewer.js'
import { ImageViewer } from './ImageViewer.js'
import { PdfViewer } from './PdfViewer.js'
import { VideoViewer } from './VideoViewer.js'

/** What a viewer gets: the file, and whether it is the one on show (a neighbour may be mounted to preload). */
export interface ViewerProps {
  asset: AssetView
}

export interface ViewerKind {
  id: string
  /** Whether this viewer shows the file; the first that does, in order, is used. */
  matches(asset: AssetView): boolean
  View: ComponentType<ViewerProps>
}

/**
 * The viewers of the full-window viewer, by file type (docs/browse.md). Another kind is one
 * more entry before the fallback, with nothing else to change.
 */
export const VIEWERS: ViewerKind[] = [
  {
    id: 'image',
    matches: (a) => a.kind === 'file' && (renditionSource(a.mime) === 'image' || renditionSource(a.mime) === 'raw'),
    View: ImageViewer,
  },
  {
    id: 'video',
    matches: (a) => a.kind === 'file' && renditionSource(a.mime) === 'video',
    View: VideoViewer,
  },
  {
    id: 'pdf',
    matches: (a) => a.kind === 'file' && renditionSource(a.mime) === 'pdf',
    View: PdfViewer,
  },
]

const FALLBACK: ViewerKind = { id: 'fallback', matches: () => true, View: FallbackViewer }

export function viewerFor(asset: AssetView): ViewerKind {
  return VIEWERS.find((v) => v.matches(asset)) ?? FALLBACK
}
