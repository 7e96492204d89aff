import type { Id } from '../../shared/domain.js'
import type { AssetView, PersonView } from '../../shared/views.js'
import { typeLabel } from './typeLabel.js'
import type { TroveState } from './types.js'
import type { SortDir, SortKey } from './viewSlice.js'

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** What the centre holds before sorting: the search results while a search runs, else the open folder. */
export function selectSourceIds(s: TroveState): Id[] {
  return s.search ? s.search.ids : s.itemIds
}

function ownerName(users: PersonView[]): (id: Id) => string {
  const names = new Map(users.map((u) => [u.id, u.name]))
  return (id) => names.get(id) ?? ''
}

/** Folders first whatever the order, as file managers do; within each, the chosen key, then the name. */
export function sortAssets(items: AssetView[], key: SortKey, dir: SortDir, users: PersonView[]): AssetView[] {
  const owner = ownerName(users)
  const sign = dir === 'asc' ? 1 : -1
  const byKey = (a: AssetView, b: AssetView): number => {
    switch (key) {
      case 'name':
        return 0
      case 'type':
        return collator.compare(a.kind === 'folder' ? '' : typeLabel(a.name, a.mime), b.kind === 'folder' ? '' : typeLabel(b.name, b.mime))
      case 'size':
        return (a.kind === 'folder' ? (a.childCount ?? 0) : (a.size ?? 0)) - (b.kind === 'folder' ? (b.childCount ?? 0) : (b.size ?? 0))
      case 'modified':
        return a.updatedAt - b.updatedAt
      case 'owner':
        return collator.compare(owner(a.createdBy), owner(b.createdBy))
    }
  }
  return [...items].sort((a, b) => {
    if (a.kind !== b.kind) return a.kind === 'folder' ? -1 : 1
    return sign * (byKey(a, b) || collator.compare(a.name, b.name))
  })
}

let memo: { source: Id[]; byId: TroveState['byId']; sort: TroveState['sort']; users: PersonView[]; ids: Id[] } | null = null

/**
 * The ids the centre shows, in order. Memoised on its inputs, so a component can select it
 * directly and a folder of 100,000 files is sorted once per change, not once per render.
 */
export function selectShownIds(s: TroveState): Id[] {
  const source = selectSourceIds(s)
  if (memo && memo.source === source && memo.byId === s.byId && memo.sort === s.sort && memo.users === s.users) return memo.ids
  const items = source.map((id) => s.byId[id]).filter((a): a is AssetView => !!a)
  const ids = sortAssets(items, s.sort.key, s.sort.dir, s.users).map((a) => a.id)
  memo = { source, byId: s.byId, sort: s.sort, users: s.users, ids }
  return ids
}
