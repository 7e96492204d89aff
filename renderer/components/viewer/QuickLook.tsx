import * as Dialog from '@radix-ui/react-dialog'
import { useEffect, useState } from 'react'
import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { selectShownIds } from '../../store/shownItems.js'
import { CloseIcon } from '../icons.js'
import { dimensions, formatBytes, formatDateTime, formatTaken, typeLabel } from '../labels.js'
import { offeredActions, type AssetActionId } from '../menu/assetActions.js'
import { useRunAssetAction } from '../menu/useRunAssetAction.js'
import { copyAssetLink } from '../../routing/copyLink.js'
import { openerForDialog, returnFocus } from '../dialogs/focusReturn.js'
import { viewerFor } from './viewers.js'

/** The actions the viewer offers, when the user's level allows them (the same rules as the menus). */
const VIEWER_ACTIONS: AssetActionId[] = ['download', 'editImage', 'addToCollections', 'share', 'delete']

/**
 * The full-window viewer over the current view (folder, collection or search): the file, its
 * name, where it is in the view ("12 of 340"), its key properties and the actions the level
 * allows. Left and Right go through the view; Escape (or Space) goes back to the view as it
 * was, selection and scroll position included, since the view stays mounted beneath.
 * A Radix Dialog like every other modal (focus stays in, the view beneath is hidden from
 * assistive technology, Escape closes), and focus goes back to where it was (focusReturn.ts).
 */
export function QuickLook() {
  const viewerId = useTrove((s) => s.viewerId)
  if (!viewerId) return null
  return <Viewer key="viewer" id={viewerId} />
}

function Viewer({ id }: { id: string }) {
  const ids = useTrove(selectShownIds)
  const known = useTrove((s) => s.byId[id])
  const [state, setState] = useState<'ready' | 'loading' | 'missing'>(known ? 'ready' : 'loading')
  const index = ids.indexOf(id)
  const asset = known

  // A file named by the address but not yet seen: asked for once, and "not found" if main says so.
  useEffect(() => {
    if (known) return setState('ready')
    let live = true
    setState('loading')
    useTrove.getState().fetchAsset(id).then(
      (view) => {
        if (!live) return
        useTrove.getState().remember([view])
      },
      () => live && setState('missing'),
    )
    return () => {
      live = false
    }
  }, [id, known])

  // Taken as the viewer first renders (a tile, or the page itself when an address opened it).
  const [opener] = useState(openerForDialog)
  useEffect(() => {
    const region = opener?.closest('main, aside, [role="region"], section') ?? null
    // Back to the view, where the keyboard was; with nothing to go back to, to the view itself.
    return () => {
      if (opener?.isConnected && opener !== document.body) returnFocus(opener, region)
      else (document.querySelector('.grid-scroll, .list') as HTMLElement | null)?.focus()
    }
  }, [opener])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useTrove.getState()
      if (s.dialog) return
      const target = e.target as HTMLElement | null
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return
      // A player with focus keeps its keys (arrows seek, Space plays): this listener hears them first, on the window.
      if (target && (target.tagName === 'VIDEO' || target.tagName === 'AUDIO')) return
      const shown = selectShownIds(s)
      const at = shown.indexOf(id)
      switch (e.key) {
        // Escape is Radix's (below), so a dialog opened over the viewer takes it first.
        case ' ':
          // Space on one of the viewer's buttons presses it.
          if (target?.closest('button, a, [role="button"]')) return
          s.closeViewer()
          break
        case 'ArrowRight':
        case 'ArrowDown':
          if (at >= 0 && at < shown.length - 1) s.openViewer(shown[at + 1])
          break
        case 'ArrowLeft':
        case 'ArrowUp':
          if (at > 0) s.openViewer(shown[at - 1])
          break
        default:
          return
      }
      e.preventDefault()
      e.stopPropagation()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [id])

  // Near the end of a paged search, the next page comes in so the arrows do not stop short.
  useEffect(() => {
    if (index >= 0 && index >= ids.length - 5) void useTrove.getState().loadMoreResults()
  }, [index, ids.length])

  const total = useTrove((s) => (s.search ? s.search.total : ids.length))
  const go = (to: number) => ids[to] && useTrove.getState().openViewer(ids[to])

  const label = asset ? `Viewer: ${asset.name}` : 'Viewer'
  return (
    <Dialog.Root open onOpenChange={(open) => !open && useTrove.getState().closeViewer()}>
      <Dialog.Portal>
        <Dialog.Content
          className="viewer"
          aria-label={label}
          // The name in the bar is shown as the title; the dialog's name also says it is the viewer.
          aria-labelledby={undefined}
          aria-describedby={undefined}
          onOpenAutoFocus={(e) => {
            // The viewer itself takes focus, so the keys go to it and no button is pressed by Space.
            e.preventDefault()
            ;(e.currentTarget as HTMLElement | null)?.focus()
          }}
          onCloseAutoFocus={(e) => e.preventDefault()}
          // The viewer fills the window: only Escape and its Close button end it, never a stray click elsewhere.
          onPointerDownOutside={(e) => e.preventDefault()}
          tabIndex={-1}
        >
          <header className="viewer-bar">
            <Dialog.Title className="viewer-name">{asset?.name ?? (state === 'missing' ? 'Not found or not shared with you' : '…')}</Dialog.Title>
            {index >= 0 && (
              <span className="viewer-position" aria-label="Position">
                {(index + 1).toLocaleString()} of {total.toLocaleString()}
              </span>
            )}
            {asset && <ViewerActions asset={asset} />}
            <Dialog.Close className="icon-button viewer-close" aria-label="Close viewer">
              <CloseIcon size={18} />
            </Dialog.Close>
          </header>
          <div className="viewer-body">
            <button type="button" className="viewer-step viewer-prev" aria-label="Previous" disabled={index <= 0} onClick={() => go(index - 1)}>
              ‹
            </button>
            <div className="viewer-stage">
              {asset ? <Shown asset={asset} /> : state === 'missing' ? <NotShown /> : null}
            </div>
            <button type="button" className="viewer-step viewer-next" aria-label="Next" disabled={index < 0 || index >= ids.length - 1} onClick={() => go(index + 1)}>
              ›
            </button>
            {asset && <Properties asset={asset} />}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}

function Shown({ asset }: { asset: AssetView }) {
  const { View } = viewerFor(asset)
  // A new file starts at fit, with its own loading state.
  return <View key={`${asset.id}:${asset.currentVersion ?? 0}`} asset={asset} />
}

function NotShown() {
  return (
    <div className="viewer-fallback">
      <p>The link may be wrong, or the file may have been deleted, moved out of reach or not shared with you.</p>
    </div>
  )
}

function ViewerActions({ asset }: { asset: AssetView }) {
  const run = useRunAssetAction()
  const actions = offeredActions([asset]).filter((a) => VIEWER_ACTIONS.includes(a.id))
  return (
    <div className="viewer-actions">
      <button type="button" className="button button-small button-quiet" onClick={() => void copyAssetLink(asset.id)}>
        Copy link
      </button>
      {actions.map((a) => (
        <button key={a.id} type="button" className={`button button-small button-quiet${a.danger ? ' is-danger' : ''}`} onClick={() => run(a.id, [asset])}>
          {a.label}
        </button>
      ))}
    </div>
  )
}

function Properties({ asset }: { asset: AssetView }) {
  const folder = asset.path ? asset.path.slice(0, asset.path.lastIndexOf('/')) || '/' : ''
  const rows: Array<[string, string | null | undefined]> = [
    ['Type', asset.kind === 'folder' ? 'Folder' : typeLabel(asset.name, asset.mime)],
    ['Size', asset.size !== undefined ? formatBytes(asset.size) : null],
    ['Dimensions', dimensions(asset.width, asset.height)],
    ['Pages', asset.media?.pages !== undefined ? asset.media.pages.toLocaleString() : null],
    ['Modified', formatDateTime(asset.updatedAt)],
    ['Taken', asset.embedded?.takenAt ? formatTaken(asset.embedded.takenAt) : null],
    ['Camera', asset.embedded?.camera],
    ['Folder', folder],
  ]
  return (
    <dl className="viewer-properties" aria-label="Properties">
      {rows
        .filter((r): r is [string, string] => !!r[1])
        .map(([label, value]) => (
          <div key={label} className="viewer-property">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  )
}
