import { useLayoutEffect, useState, type RefObject } from 'react'
import { observeElementRect, type Virtualizer } from '@tanstack/react-virtual'

/**
 * Before layout, or where there is none (a hidden panel, a test's DOM), a view assumes a
 * common window size, so it shows a first screenful instead of nothing.
 */
export const UNMEASURED = { width: 1024, height: 720 }

function orFallback(size: { width: number; height: number }): { width: number; height: number } {
  return size.width > 0 && size.height > 0 ? size : UNMEASURED
}

/** An element's inner size, kept current as the window or the panels around it resize. */
export function useElementSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState(UNMEASURED)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const read = () => {
      const next = orFallback({ width: el.clientWidth || el.offsetWidth, height: el.clientHeight || el.offsetHeight })
      setSize((s) => (s.width === next.width && s.height === next.height ? s : next))
    }
    read()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(read)
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref])
  return size
}

/** The virtualiser's own measuring, with the same fallback. */
export function observeWithFallback<T extends Element>(instance: Virtualizer<T, Element>, cb: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => cb(orFallback(rect)))
}
