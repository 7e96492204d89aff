import { useShallow } from 'zustand/react/shallow'
import type { AssetView } from '../../shared/views.js'
import { useTrove } from '../store/index.js'
import { ChevronIcon } from './icons.js'
import { isHome } from '../../shared/home.js'

export const SHARED_WITH_ME = 'Shared with me'

export function displayName(asset: AssetView): string {
  return isHome(asset) ? 'Home' : asset.name
}

/** Where the open folder is; a restricted user's trail starts at "Shared with me", never at Home. */
export function Breadcrumbs() {
  const restricted = useTrove((s) => !!s.session?.isRestricted)
  const folder = useTrove((s) => (s.folderId ? s.byId[s.folderId] : undefined))
  const trail = useTrove(useShallow((s) => s.trail.map((id) => s.byId[id]).filter((a): a is AssetView => !!a)))
  const openFolder = useTrove((s) => s.openFolder)
  const crumbs: Array<{ id: string | null; name: string }> = [
    ...(restricted ? [{ id: null, name: SHARED_WITH_ME }] : []),
    // The folder itself is never its own ancestor, even while a new trail is on its way.
    ...trail.filter((a) => a.id !== folder?.id).map((a) => ({ id: a.id, name: displayName(a) })),
    ...(folder ? [{ id: folder.id, name: displayName(folder) }] : []),
  ]
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {crumbs.map((c, i) => {
          const last = i === crumbs.length - 1
          return (
            <li key={c.id ?? 'top'}>
              <Crumb name={c.name} last={last} onOpen={() => void openFolder(c.id)} />
            </li>
          )
        })}
      </ol>
    </nav>
  )
}

/** One step of a trail: the last is where one is; each before it opens that place. */
export function Crumb({ name, last, onOpen }: { name: string; last: boolean; onOpen(): void }) {
  if (last) {
    return (
      <span className="crumb crumb-current" aria-current="page">
        {name}
      </span>
    )
  }
  return (
    <>
      <button type="button" className="crumb" onClick={onOpen}>
        {name}
      </button>
      <ChevronIcon size={14} className="crumb-sep" />
    </>
  )
}
