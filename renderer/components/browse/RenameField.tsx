import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import type { AssetView } from '../../../shared/views.js'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'

/**
 * The name edited in place (F2 or the menu). Enter or leaving the field saves, Escape
 * cancels; main's refusal (a taken or invalid name) shows right under the field, which stays open.
 * The refusal is drawn over the page, not inside the tile: a tile clips what overflows it, and
 * the message ("… already holds a file named …, as written; …") is longer than a tile is wide.
 */
export function RenameField({ asset, onDone }: { asset: AssetView; onDone(): void }) {
  const [name, setName] = useState(asset.name)
  const [error, setError] = useState<string | null>(null)
  const busy = useRef(false)
  const input = useRef<HTMLInputElement>(null)
  const errorId = useId()

  useEffect(() => {
    const el = input.current
    if (!el) return
    el.focus()
    // The name without its extension is what people usually change.
    const dot = asset.kind === 'file' ? asset.name.lastIndexOf('.') : -1
    el.setSelectionRange(0, dot > 0 ? dot : asset.name.length)
  }, [asset.kind, asset.name])

  const save = async () => {
    if (busy.current) return
    busy.current = true
    try {
      await useTrove.getState().renameAsset(asset.id, name)
      onDone()
    } catch (e) {
      setError(describeError(e).message)
      input.current?.focus()
    } finally {
      busy.current = false
    }
  }

  const cancel = () => {
    useTrove.getState().cancelRename()
    onDone()
  }

  return (
    <span className="rename" onClick={(e) => e.stopPropagation()} onDoubleClick={(e) => e.stopPropagation()}>
      <input
        ref={input}
        className="input rename-input"
        aria-label={`New name for ${asset.name}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={name}
        spellCheck={false}
        onChange={(e) => {
          setName(e.target.value)
          setError(null)
        }}
        onKeyDown={(e) => {
          // The view around must not take these keys for navigation.
          e.stopPropagation()
          if (e.key === 'Enter') {
            e.preventDefault()
            void save()
          } else if (e.key === 'Escape') {
            e.preventDefault()
            cancel()
          }
        }}
        onBlur={() => {
          if (!error) void save()
        }}
      />
      {error && <RenameError id={errorId} anchor={input} message={error} />}
    </span>
  )
}

/** The refusal under the field, placed over the page and kept under it as the view scrolls or the window resizes. */
function RenameError({ id, anchor, message }: { id: string; anchor: React.RefObject<HTMLInputElement | null>; message: string }) {
  const [at, setAt] = useState<{ top: number; left: number; width: number } | null>(null)
  useLayoutEffect(() => {
    const place = () => {
      const r = anchor.current?.getBoundingClientRect()
      if (!r) return
      const width = Math.max(r.width, 260)
      // Kept inside the window: a tile at the right edge opens its message leftwards.
      setAt({ top: r.bottom + 4, left: Math.max(8, Math.min(r.left, window.innerWidth - width - 8)), width })
    }
    place()
    window.addEventListener('resize', place)
    window.addEventListener('scroll', place, true)
    return () => {
      window.removeEventListener('resize', place)
      window.removeEventListener('scroll', place, true)
    }
  }, [anchor])
  return createPortal(
    <span id={id} className="rename-error" role="alert" style={at ? { top: at.top, left: at.left, width: at.width } : { visibility: 'hidden' }}>
      {message}
    </span>,
    document.body,
  )
}
