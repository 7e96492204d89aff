import type { StateCreator } from 'zustand'
import type { TroveState } from './types.js'
import { withReset } from './resets.js'

export type SortKey = 'name' | 'type' | 'size' | 'modified' | 'owner'
export type SortDir = 'asc' | 'desc'
export type ViewMode = 'grid' | 'list'
export type Screen = 'library' | 'admin' | 'trash' | 'activity'
/** Fit shows the whole picture (a logo is never cut off); fill crops it to cover the tile. */
export type TileFit = 'fit' | 'fill'

/** The tile-size slider's bounds and step, in CSS pixels of a tile's least width. */
export const TILE_MIN = 120
export const TILE_MAX = 320
export const TILE_DEFAULT = 168

/**
 * Grid settings are kept per user in this browser (one key each), so whoever uses this window
 * next finds their own. Storage may be off (a private window): they then last for this page.
 */
const prefsKey = (userId: string) => `trove.grid.${userId}`

function readPrefs(userId: string | undefined): { tileSize: number; tileFit: TileFit } {
  const fallback = { tileSize: TILE_DEFAULT, tileFit: 'fit' as TileFit }
  if (!userId || typeof localStorage === 'undefined') return fallback
  try {
    const saved = JSON.parse(localStorage.getItem(prefsKey(userId)) ?? 'null') as { tileSize?: unknown; tileFit?: unknown } | null
    const size = Number(saved?.tileSize)
    return {
      tileSize: Number.isFinite(size) ? Math.min(TILE_MAX, Math.max(TILE_MIN, Math.round(size))) : TILE_DEFAULT,
      tileFit: saved?.tileFit === 'fill' ? 'fill' : 'fit',
    }
  } catch {
    return fallback
  }
}

function writePrefs(userId: string | undefined, prefs: { tileSize: number; tileFit: TileFit }): void {
  if (!userId || typeof localStorage === 'undefined') return
  try {
    localStorage.setItem(prefsKey(userId), JSON.stringify(prefs))
  } catch {
    // Storage off or full: the setting holds for this page only.
  }
}

/** How the centre shows what it holds, and which screen is up. */
export interface ViewSlice {
  viewMode: ViewMode
  sort: { key: SortKey; dir: SortDir }
  /** Administration is a screen of its own, for admins only. */
  screen: Screen
  setViewMode(mode: ViewMode): void
  /** The same key again flips the direction, as a column header does. */
  setSort(key: SortKey, dir?: SortDir): void
  showScreen(screen: Screen): void
  tileSize: number
  tileFit: TileFit
  setTileSize(size: number): void
  setTileFit(fit: TileFit): void
  /** The acting user's grid settings, when who acts changes. */
  loadGridPrefs(): void
}

export const viewInitial = {
  viewMode: 'grid',
  sort: { key: 'name', dir: 'asc' },
  screen: 'library',
  tileSize: TILE_DEFAULT,
  tileFit: 'fit',
} satisfies Partial<ViewSlice>

export const createViewSlice: StateCreator<TroveState, [], [], ViewSlice> = (set, get) => withReset(() => set(viewInitial), {
  ...viewInitial,

  setViewMode(viewMode) {
    set({ viewMode })
  },

  setSort(key, dir) {
    const current = get().sort
    set({ sort: { key, dir: dir ?? (current.key === key && current.dir === 'asc' ? 'desc' : 'asc') } })
  },

  setTileSize(size) {
    const tileSize = Math.min(TILE_MAX, Math.max(TILE_MIN, Math.round(size)))
    set({ tileSize })
    writePrefs(get().session?.user.id, { tileSize, tileFit: get().tileFit })
  },

  setTileFit(tileFit) {
    set({ tileFit })
    writePrefs(get().session?.user.id, { tileSize: get().tileSize, tileFit })
  },

  loadGridPrefs() {
    set(readPrefs(get().session?.user.id))
  },

  showScreen(screen) {
    // Only an admin acting as themselves has the administration and activity screens.
    if ((screen === 'admin' || screen === 'activity') && !get().session?.isAdmin) return
    set({ screen })
  },
})
