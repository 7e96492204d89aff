import type { Id } from '../../shared/domain.js'
import { useTrove } from './index.js'
import { onReset } from './resets.js'

/**
 * Ctrl/Cmd+C or X holds the selection; Ctrl/Cmd+V copies or moves it into the folder on show,
 * as a file manager does. Only ids are held, in this window; main checks every paste.
 */
let held: { mode: 'copy' | 'move'; ids: Id[] } | null = null
// What one user cut or copied is not there to paste for the next.
onReset(() => (held = null))

export function holdAssets(mode: 'copy' | 'move', ids: Id[]): void {
  if (ids.length === 0) return
  held = { mode, ids: [...ids] }
  useTrove.getState().announce(`${ids.length === 1 ? '1 item' : `${ids.length} items`} ${mode === 'copy' ? 'copied' : 'cut'}; paste with Ctrl+V in a folder`)
}

export async function pasteAssets(): Promise<void> {
  const s = useTrove.getState()
  if (!held || s.search || s.folderId === null) return
  const { mode, ids } = held
  try {
    if (mode === 'copy') await s.copyAssets(ids, s.folderId)
    else {
      await s.moveAssets(ids, s.folderId)
      // What was cut is moved once; pasting again would move nothing.
      held = null
    }
  } catch (error) {
    s.reportError(error)
  }
}

export function heldAssets(): { mode: 'copy' | 'move'; ids: Id[] } | null {
  return held
}
