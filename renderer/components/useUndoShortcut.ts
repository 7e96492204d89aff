import { useEffect } from 'react'
import { useTrove } from '../store/index.js'

/**
 * Ctrl+Z (Cmd+Z on a Mac) undoes the user's last own action in this window. Inside a text
 * field it is the field's own undo; while a dialog is open it does nothing.
 */
export function useUndoShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'z' || e.shiftKey || e.altKey || !(e.ctrlKey || e.metaKey)) return
      const target = e.target as HTMLElement | null
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]')) return
      if (useTrove.getState().dialog || useTrove.getState().undoStack.length === 0) return
      e.preventDefault()
      void useTrove.getState().undoLast()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
