import type { Id } from '../../shared/domain.js'
import type { InputOf } from '../../shared/contract/index.js'

/** What a search asks for besides paging: the words and every filter (see docs/browse.md). */
export type SearchFilters = Omit<InputOf<'search.assets'>, 'limit' | 'offset'>

/**
 * A place in the app, as its address says. `asset` is the address "Copy link" gives: it
 * names only the asset, and opens it where the reader can reach it (its folder, or their
 * shared-with-me top), so a link works for whoever it is sent to.
 */
export type Place =
  | { kind: 'start' }
  | { kind: 'shared' }
  | { kind: 'folder'; id: Id }
  | { kind: 'collection'; id: Id }
  /** A smart collection: its saved search, run as whoever opens the link. */
  | { kind: 'smart'; id: Id }
  | { kind: 'search'; filters: SearchFilters }
  | { kind: 'asset'; id: Id }
  | { kind: 'admin' }
  /** The library-wide activity log, admins only (docs/activity.md). */
  | { kind: 'activity' }
  | { kind: 'trash' }

/** A place, and the file open in the viewer over it, if any. */
export interface Route {
  place: Place
  fileId?: Id
}

const ID = /^[A-Za-z0-9_-]{1,64}$/
const DAY = /^\d{4}-\d{2}-\d{2}$/
const TYPES = ['file', 'folder', 'image', 'video', 'audio', 'document'] as const

/** The path and query of a route, as wouter's hash location takes them ("/folder/abc?file=xyz"). */
export function formatRoute(route: Route): string {
  const params = new URLSearchParams()
  let path: string
  const { place } = route
  switch (place.kind) {
    case 'start':
      path = '/'
      break
    case 'shared':
      path = '/shared'
      break
    case 'admin':
      path = '/admin'
      break
    case 'trash':
      path = '/trash'
      break
    case 'activity':
      path = '/activity'
      break
    case 'folder':
    case 'collection':
    case 'smart':
    case 'asset':
      path = `/${place.kind}/${encodeURIComponent(place.id)}`
      break
    case 'search':
      path = '/search'
      writeFilters(params, place.filters)
      break
  }
  if (route.fileId) params.set('file', route.fileId)
  const query = params.toString()
  return query ? `${path}?${query}` : path
}

/** A route from an address; null for one that names nothing the app has (shown as not found). */
export function parseRoute(path: string, search: string): Route | null {
  const params = new URLSearchParams(search)
  const file = params.get('file')
  if (file !== null && !ID.test(file)) return null
  const fileId = file ?? undefined
  const parts = path.split('/').filter(Boolean).map(safeDecode)
  let place: Place | null = null
  if (parts.length === 0) place = { kind: 'start' }
  else if (parts.length === 1 && parts[0] === 'shared') place = { kind: 'shared' }
  else if (parts.length === 1 && parts[0] === 'admin') place = { kind: 'admin' }
  else if (parts.length === 1 && parts[0] === 'trash') place = { kind: 'trash' }
  else if (parts.length === 1 && parts[0] === 'activity') place = { kind: 'activity' }
  else if (parts.length === 1 && parts[0] === 'search') place = readFilters(params)
  else if (parts.length === 2 && (parts[0] === 'folder' || parts[0] === 'collection' || parts[0] === 'smart' || parts[0] === 'asset') && ID.test(parts[1] ?? '')) {
    place = { kind: parts[0], id: parts[1]! }
  }
  if (!place) return null
  return fileId ? { place, fileId } : { place }
}

export function sameRoute(a: Route | null, b: Route | null): boolean {
  return a !== null && b !== null && formatRoute(a) === formatRoute(b)
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return '\0'
  }
}

function writeFilters(params: URLSearchParams, f: SearchFilters): void {
  params.set('q', f.query)
  if (f.type) params.set('type', f.type)
  for (const tag of f.tags ?? []) params.append('tag', tag)
  if (f.camera) params.set('camera', f.camera)
  if (f.takenFrom || f.takenTo) params.set('taken', `${f.takenFrom ?? ''}..${f.takenTo ?? ''}`)
  if (f.modifiedFrom || f.modifiedTo) params.set('modified', `${f.modifiedFrom ?? ''}..${f.modifiedTo ?? ''}`)
  if (f.folderId) params.set('in', f.folderId)
  for (const m of f.metadata ?? []) params.append('field', `${m.fieldId}:${m.value}`)
}

/** Filters from a search address; anything malformed is left out, as a person typing it would expect. */
function readFilters(params: URLSearchParams): Place {
  const filters: SearchFilters = { query: (params.get('q') ?? '').slice(0, 255) }
  const type = params.get('type')
  if (type && (TYPES as readonly string[]).includes(type)) filters.type = type as SearchFilters['type']
  const tags = params.getAll('tag').filter((t) => t.trim() !== '').slice(0, 20)
  if (tags.length) filters.tags = tags
  const camera = params.get('camera')
  if (camera) filters.camera = camera.slice(0, 255)
  const [takenFrom, takenTo] = range(params.get('taken'))
  if (takenFrom) filters.takenFrom = takenFrom
  if (takenTo) filters.takenTo = takenTo
  const [modifiedFrom, modifiedTo] = range(params.get('modified'))
  if (modifiedFrom) filters.modifiedFrom = modifiedFrom
  if (modifiedTo) filters.modifiedTo = modifiedTo
  const within = params.get('in')
  if (within && ID.test(within)) filters.folderId = within
  const metadata = params
    .getAll('field')
    .map((f) => ({ fieldId: f.slice(0, f.indexOf(':')), value: f.slice(f.indexOf(':') + 1) }))
    .filter((m) => ID.test(m.fieldId) && m.value !== '')
    .slice(0, 20)
  if (metadata.length) filters.metadata = metadata
  return { kind: 'search', filters }
}

function range(value: string | null): [string | undefined, string | undefined] {
  if (!value) return [undefined, undefined]
  const [from, to] = value.split('..')
  return [from && DAY.test(from) ? from : undefined, to && DAY.test(to) ? to : undefined]
}
