import { useEffect, useRef, useState } from 'react'

export const SIDEBAR_MIN = 180
export const SIDEBAR_MAX = 520
const DEFAULT = 248
const KEY = 'trove.sidebarWidth'
const STEP = 16

function stored(): number {
  const n = Number(typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : NaN)
  return Number.isFinite(n) && n >= SIDEBAR_MIN && n <= SIDEBAR_MAX ? n : DEFAULT
}

/**
 * The handle between the sidebar and the centre: drag it, or focus it and use the arrow keys
 * (a WAI-ARIA window splitter). The width is the workspace's --sidebar-width and is kept for
 * the next visit in this browser.
 */
export function SidebarResizer() {
  const [width, setWidth] = useState(stored)
  const handle = useRef<HTMLDivElement>(null)
  const drag = useRef<{ x: number; width: number } | null>(null)

  useEffect(() => {
    const workspace = handle.current?.parentElement
    workspace?.style.setProperty('--sidebar-width', `${width}px`)
    try {
      localStorage.setItem(KEY, String(width))
    } catch {
      // Storage may be off (private windows); the width then lasts for this page only.
    }
  }, [width])

  const clamp = (w: number) => Math.round(Math.min(SIDEBAR_MAX, Math.max(SIDEBAR_MIN, w)))

  return (
    <div
      ref={handle}
      className="sidebar-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the sidebar"
      aria-valuemin={SIDEBAR_MIN}
      aria-valuemax={SIDEBAR_MAX}
      aria-valuenow={width}
      tabIndex={0}
      style={{ left: width - 3 }}
      onPointerDown={(e) => {
        if (e.button !== 0) return
        e.currentTarget.setPointerCapture?.(e.pointerId)
        drag.current = { x: e.clientX, width }
      }}
      onPointerMove={(e) => {
        if (drag.current) setWidth(clamp(drag.current.width + e.clientX - drag.current.x))
      }}
      onPointerUp={() => {
        drag.current = null
      }}
      onKeyDown={(e) => {
        const next = e.key === 'ArrowLeft' ? width - STEP : e.key === 'ArrowRight' ? width + STEP : e.key === 'Home' ? SIDEBAR_MIN : e.key === 'End' ? SIDEBAR_MAX : null
        if (next === null) return
        e.preventDefault()
        setWidth(clamp(next))
      }}
    />
  )
}
