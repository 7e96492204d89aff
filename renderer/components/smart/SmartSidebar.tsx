import { useEffect, useId, useState } from 'react'
import type { SmartCollectionView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { LinkIcon, PencilIcon, SmartIcon, TrashIcon } from '../actionIcons.js'
import { ShareIcon } from '../icons.js'
import { RowMenu, type RowMenuItem } from '../RowMenu.js'
import { copySmartLink } from '../../routing/copyLink.js'

/**
 * Smart collections: searches saved by this user, and those others shared with them. Each
 * shows, to whoever opens it, what its search finds among what they can view (docs/browse.md).
 */
export function SmartSidebar() {
  const actor = useTrove((s) => s.session?.user.id ?? null)
  const list = useTrove((s) => s.smartCollections)
  const loaded = useTrove((s) => s.smartLoaded)
  const currentId = useTrove((s) => s.search?.smartId ?? null)
  const [menuFor, setMenuFor] = useState<string | null>(null)
  const titleId = useId()

  useEffect(() => {
    setMenuFor(null)
    if (actor) void useTrove.getState().loadSmartCollections()
  }, [actor])

  return (
    <section className="collection-sidebar smart-sidebar" aria-labelledby={titleId}>
      <div className="collections-head">
        <h2 id={titleId} className="sidebar-title">
          Smart collections
        </h2>
      </div>
      <ul className="collection-list" aria-labelledby={titleId}>
        {list.map((c) => (
          <SmartRow key={c.id} smart={c} current={c.id === currentId} menuOpen={menuFor === c.id} onMenu={(open) => setMenuFor(open ? c.id : null)} />
        ))}
      </ul>
      {loaded && list.length === 0 && <p className="collections-empty">Search, then choose “Save search” to keep the search here, always up to date.</p>}
    </section>
  )
}

function smartItems(smart: SmartCollectionView, plainSearchShown: boolean): RowMenuItem[] {
  const { openDialog, replaceSmartSearch, reportError } = useTrove.getState()
  const items: RowMenuItem[] = [{ key: 'link', label: 'Copy link', Icon: LinkIcon, run: () => void copySmartLink(smart.id) }]
  // Only its owner may change it; a reader it was shared with may open it and link to it.
  if (smart.mine) {
    // With a plain search on show, its words and filters can replace the saved ones.
    if (plainSearchShown) items.push({ key: 'replace', label: 'Save current search here', Icon: SmartIcon, run: () => void replaceSmartSearch(smart.id).catch(reportError) })
    items.push(
      { key: 'share', label: 'Share', Icon: ShareIcon, run: () => openDialog({ kind: 'shareSmart', smartId: smart.id }) },
      { key: 'rename', label: 'Rename', Icon: PencilIcon, run: () => openDialog({ kind: 'renameSmart', smartId: smart.id }) },
      { key: 'delete', label: 'Delete', Icon: TrashIcon, danger: true, run: () => openDialog({ kind: 'deleteSmart', smartId: smart.id }) },
    )
  }
  return items
}

function SmartRow({ smart, current, menuOpen, onMenu }: { smart: SmartCollectionView; current: boolean; menuOpen: boolean; onMenu(open: boolean): void }) {
  const shared = !smart.mine || (smart.sharedWith?.length ?? 0) > 0
  const plainSearchShown = useTrove((s) => !!s.search && !s.search.smartId)
  const label = smart.mine ? smart.name : `${smart.name} (${smart.ownerName})`
  return (
    <li
      className={`collection-row${current ? ' is-current' : ''}${menuOpen ? ' has-menu' : ''}`}
      onContextMenu={(e) => {
        e.preventDefault()
        onMenu(true)
      }}
    >
      <button
        type="button"
        className="collection-open"
        aria-current={current ? 'page' : undefined}
        aria-label={shared ? `${label}, shared` : label}
        title={smart.mine ? smart.name : `${smart.name}, shared by ${smart.ownerName}`}
        onClick={() => void useTrove.getState().openSmartCollection(smart.id)}
      >
        <SmartIcon size={18} className="collection-icon" />
        <span className="collection-name">{label}</span>
        {shared && (
          <span className="collection-count smart-shared" aria-hidden="true">
            <ShareIcon size={14} />
          </span>
        )}
      </button>
      <RowMenu label={`Actions for ${smart.name}`} items={smartItems(smart, plainSearchShown)} open={menuOpen} onOpenChange={onMenu} />
    </li>
  )
}
