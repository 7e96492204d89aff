import { useEffect, useState } from 'react'
import { useTrove } from '../store/index.js'
import { Modal } from './dialogs/Modal.js'

const SHORTCUTS: Array<[string, string]> = [
  ['/', 'Search'],
  ['Enter', 'Open a folder, or a file in the viewer'],
  ['Space', 'Look at the file in the viewer, and back'],
  ['Arrows', 'Move through the items (in the viewer: previous and next)'],
  ['Shift + arrows, Shift + click', 'Select a range'],
  ['Ctrl/Cmd + click, Ctrl/Cmd + Space', 'Add to or take from the selection'],
  ['Ctrl/Cmd + A', 'Select all'],
  ['Ctrl/Cmd + C, then V', 'Copy the selection into the folder on show'],
  ['Ctrl/Cmd + X, then V', 'Move the selection into the folder on show'],
  ['F2', 'Rename'],
  ['Delete', 'Move the selection to the trash (Undo in the notice)'],
  ['Menu key, Shift + F10', 'The context menu of the item'],
  ['+  −  0  1', 'Viewer: zoom in, out, fit, 100%'],
  ['Escape', 'Close the viewer or dialog, or clear the selection'],
  ['Alt + ←  /  Alt + →', 'Back and forward through the places visited'],
  ['?', 'This list'],
]

/** "?" anywhere but a text field shows the keyboard shortcuts. */
export function ShortcutList() {
  const [open, setOpen] = useState(false)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey) return
      const target = e.target as HTMLElement | null
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return
      if (useTrove.getState().dialog) return
      e.preventDefault()
      setOpen(true)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  if (!open) return null
  return (
    <Modal title="Keyboard shortcuts" onClose={() => setOpen(false)}>
      <dl className="shortcut-list">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="shortcut-row">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <div className="modal-actions">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </Modal>
  )
}
