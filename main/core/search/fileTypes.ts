/** The search type filter's kinds, by a file's sniffed MIME type (docs/browse.md). */
export type SearchType = 'file' | 'folder' | 'image' | 'video' | 'audio' | 'document'

const DOCUMENT_MIMES = [
  'application/pdf',
  'application/msword',
  'application/rtf',
  'application/vnd.openxmlformats-officedocument',
  'application/vnd.ms-',
  'application/vnd.oasis.opendocument',
  'application/epub+zip',
]

export function typeMatches(type: SearchType, kind: 'file' | 'folder', mime: string, name: string): boolean {
  if (type === 'folder') return kind === 'folder'
  if (kind !== 'file') return false
  switch (type) {
    case 'file':
      return true
    case 'image':
    case 'video':
    case 'audio':
      return mime.startsWith(`${type}/`)
    case 'document':
      return mime.startsWith('text/') || DOCUMENT_MIMES.some((m) => mime.startsWith(m)) || /\.(pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|txt|md|csv)$/i.test(name)
  }
}
