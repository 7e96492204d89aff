import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { AssetView } from '../../shared/views.js'
import { useTrove } from '../store/index.js'
import { AssetTile } from './AssetTile.js'

/**
 * The assets of the open folder (or of "Shared with me") as tiles. A listbox: one tab stop,
 * arrow keys move, Enter opens a folder, ctrl/cmd-click adds to the selection.
 */
export function AssetGrid({ label }: { label: string }) {
  const items = useTrove(useShallow((s) => s.itemIds.map((id) => s.byId[id]).filter((a): a is AssetView => !!a)))
  const selection = useTrove((s) => s.selection)
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const tiles = useRef(new Map<string, HTMLLIElement>())
  const moved = useRef(false)
  const tabStop = items.find((a) => a.id === focusedId)?.id ?? items.find((a) => selection.includes(a.id))?.id ?? items[0]?.id

  useEffect(() => {
    if (!moved.current || !focusedId) return
    moved.current = false
    tiles.current.get(focusedId)?.focus()
  }, [focusedId])

  const open = (asset: AssetView) => {
    if (asset.kind === 'folder') void useTrove.getState().openFolder(asset.id)
  }

  const onKeyDown = (e: KeyboardEvent, asset: AssetView) => {
    const i = items.indexOf(asset)
    const next = (j: number) => {
      const target = items[Math.max(0, Math.min(items.length - 1, j))]
      if (!target) return
      moved.current = true
      setFocusedId(target.id)
      useTrove.getState().select(target.id)
    }
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next(i + 1)
        break
      case 'ArrowLeft':
      case 'ArrowUp':
        next(i - 1)
        break
      case 'Home':
        next(0)
        break
      case 'End':
        next(items.length - 1)
        break
      case 'Enter':
        open(asset)
        break
      case ' ':
        useTrove.getState().select(asset.id, e.ctrlKey || e.metaKey ? 'toggle' : 'replace')
        break
      default:
        return
    }
    e.preventDefault()
  }

  return (
    <ul className="grid" role="listbox" aria-label={label} aria-multiselectable="true">
      {items.map((asset) => (
        <AssetTile
          key={asset.id}
          asset={asset}
          selected={selection.includes(asset.id)}
          tabStop={asset.id === tabStop}
          tileRef={(el) => {
            if (el) tiles.current.set(asset.id, el)
            else tiles.current.delete(asset.id)
          }}
          onSelect={(e) => useTrove.getState().select(asset.id, e.ctrlKey || e.metaKey ? 'toggle' : 'replace')}
          onOpen={() => open(asset)}
          onKeyDown={(e) => onKeyDown(e, asset)}
          onFocus={() => setFocusedId(asset.id)}
        />
      ))}
    </ul>
  )
}
