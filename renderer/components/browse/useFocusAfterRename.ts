import type { RefObject } from 'react'

/** When the name field closes, the keyboard goes back to the view it was opened from. */
export function useFocusAfterRename(view: RefObject<HTMLElement | null>): () => void {
  return () => {
    requestAnimationFrame(() => {
      if (!document.activeElement || document.activeElement === document.body) view.current?.focus()
    })
  }
}
