import { useEffect, useId, useRef, useState } from 'react'
import type { AssetView } from '../../../shared/views.js'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'

/**
 * The name edited in place (F2 or the menu). Enter or leaving the field saves, Escape
 * cancels; main's refusal (a taken or invalid name) shows right under the field, which stays open.
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
      {error && (
        <span id={errorId} className="rename-error" role="alert">
          {error}
        </span>
      )}
    </span>
  )
}
