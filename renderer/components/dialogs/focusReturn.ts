/**
 * Where focus goes back when a dialog closes. A dialog opened from a menu item cannot give
 * focus back to that item (the menu is gone), so the element focused before the menu opened
 * is remembered instead: focus outside every menu is tracked as it moves.
 */
let lastOutsideMenu: HTMLElement | null = null
let tracking = false

function track(): void {
  if (tracking || typeof document === 'undefined') return
  tracking = true
  document.addEventListener(
    'focusin',
    (e) => {
      const el = e.target as HTMLElement | null
      if (el && el !== document.body && !el.closest('[role="menu"], [role="menubar"]')) lastOutsideMenu = el
    },
    true,
  )
}
track()

/** What a dialog opening now should give focus back to. */
export function openerForDialog(): HTMLElement | null {
  const active = document.activeElement as HTMLElement | null
  if (active && active !== document.body && !active.closest('[role="menu"], [role="menubar"]')) return active
  return lastOutsideMenu
}

/**
 * Gives focus back to the opener; when it has left the page meanwhile (a deleted tile, a
 * row that went), to the item now active in the centre or to the region that held it.
 */
export function returnFocus(opener: HTMLElement | null, region: Element | null): void {
  if (opener?.isConnected) {
    opener.focus()
    return
  }
  const fallback =
    (region?.isConnected ? region : null)?.querySelector<HTMLElement>('[aria-selected="true"], [tabindex="0"]') ??
    document.querySelector<HTMLElement>('main [aria-selected="true"], main [tabindex="0"]') ??
    document.querySelector<HTMLElement>('main')
  fallback?.focus()
}
