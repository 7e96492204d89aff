/** An icon for each broad kind of file, for files that have no thumbnail. */
import { Svg, FileIcon, FolderIcon, ImageIcon, type IconProps } from './icons.js'

const VideoIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect x="3" y="5" width="14" height="14" rx="2" />
    <path d="m17 10 4-2.5v9L17 14" />
  </Svg>
)
const AudioIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M9 18V5l11-2v13" />
    <circle cx="6.5" cy="18" r="2.5" />
    <circle cx="17.5" cy="16" r="2.5" />
  </Svg>
)
const TextIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
    <path d="M14 3v5h5M9 13h6M9 17h6" />
  </Svg>
)
const ArchiveIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect x="3" y="4" width="18" height="5" rx="1" />
    <path d="M5 9v10a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V9M10 13h4" />
  </Svg>
)

export type FileKind = 'folder' | 'image' | 'video' | 'audio' | 'text' | 'archive' | 'other'

export function fileKind(kind: 'folder' | 'file', mime = '', name = ''): FileKind {
  if (kind === 'folder') return 'folder'
  if (mime.startsWith('image/')) return 'image'
  if (mime.startsWith('video/')) return 'video'
  if (mime.startsWith('audio/')) return 'audio'
  if (mime.startsWith('text/') || mime === 'application/pdf' || /\.(pdf|docx?|odt|rtf|md|txt)$/i.test(name)) return 'text'
  if (/zip|tar|gzip|7z|rar|compressed/.test(mime)) return 'archive'
  return 'other'
}

export function FileTypeIcon({ kind, ...p }: IconProps & { kind: FileKind }) {
  switch (kind) {
    case 'folder':
      return <FolderIcon {...p} />
    case 'image':
      return <ImageIcon {...p} />
    case 'video':
      return <VideoIcon {...p} />
    case 'audio':
      return <AudioIcon {...p} />
    case 'text':
      return <TextIcon {...p} />
    case 'archive':
      return <ArchiveIcon {...p} />
    case 'other':
      return <FileIcon {...p} />
  }
}
