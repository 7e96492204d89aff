import { useState } from 'react'
import { RATIOS, croppedSize, flip, outputSize, rotate, setRatio, type EditState, type RatioId } from './editState.js'
import { FlipHorizontalIcon, FlipVerticalIcon, RotateLeftIcon, RotateRightIcon } from './mediaIcons.js'

export const FORMATS = [
  { id: 'jpeg', label: 'JPEG', ext: 'jpg' },
  { id: 'png', label: 'PNG', ext: 'png' },
  { id: 'webp', label: 'WebP', ext: 'webp' },
  { id: 'avif', label: 'AVIF', ext: 'avif' },
] as const
export type FormatId = (typeof FORMATS)[number]['id']

interface Props {
  edit: EditState
  onEdit(next: EditState): void
  /** The image's own size in pixels; null when main did not record it (no resize then). */
  size: { width: number; height: number } | null
  format: FormatId | ''
  onFormat(format: FormatId | ''): void
  /** "PNG": what the file is now, for the "keep" choice. */
  currentFormat: string
}

const MAX_SIDE = 20_000

/** Crop ratio, turn and mirror, resize and format: each change goes into the edit state the preview shows. */
export function EditControls({ edit, onEdit, size, format, onFormat, currentFormat }: Props) {
  const w = size?.width ?? 1
  const h = size?.height ?? 1
  return (
    <div className="edit-controls">
      <section className="edit-section" aria-labelledby="edit-crop">
        <h3 id="edit-crop" className="edit-heading">
          Crop
        </h3>
        <div className="segmented" role="group" aria-label="Crop ratio">
          {(Object.keys(RATIOS) as RatioId[]).map((r) => (
            <button key={r} type="button" className="segment" aria-pressed={edit.ratio === r} onClick={() => onEdit(setRatio(edit, r, w, h))}>
              {r === 'free' ? 'Free' : r}
            </button>
          ))}
        </div>
        <p className="edit-hint">Drag on the image to draw the crop, or drag its corners.</p>
      </section>

      <section className="edit-section" aria-labelledby="edit-turn">
        <h3 id="edit-turn" className="edit-heading">
          Rotate and flip
        </h3>
        <div className="tool-row">
          <button type="button" className="tool-button" aria-label="Rotate left" title="Rotate 90° left" onClick={() => onEdit(rotate(edit, 'left', w, h))}>
            <RotateLeftIcon />
          </button>
          <button type="button" className="tool-button" aria-label="Rotate right" title="Rotate 90° right" onClick={() => onEdit(rotate(edit, 'right', w, h))}>
            <RotateRightIcon />
          </button>
          <button type="button" className="tool-button" aria-label="Flip horizontally" title="Flip horizontally" aria-pressed={edit.flipH} onClick={() => onEdit(flip(edit, 'horizontal'))}>
            <FlipHorizontalIcon />
          </button>
          <button type="button" className="tool-button" aria-label="Flip vertically" title="Flip vertically" aria-pressed={edit.flipV} onClick={() => onEdit(flip(edit, 'vertical'))}>
            <FlipVerticalIcon />
          </button>
        </div>
      </section>

      {size && <ResizeFields edit={edit} onEdit={onEdit} width={w} height={h} />}

      <section className="edit-section">
        <label className="field">
          <span className="edit-heading">Format</span>
          <select className="input" value={format} onChange={(e) => onFormat(e.target.value as FormatId | '')}>
            <option value="">Keep {currentFormat}</option>
            {FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
      </section>
    </div>
  )
}

/** Width and height of the result; with the lock on, one follows the other at the crop's proportions. */
function ResizeFields({ edit, onEdit, width, height }: { edit: EditState; onEdit(next: EditState): void; width: number; height: number }) {
  const cropped = croppedSize(edit, width, height)
  const out = outputSize(edit, width, height)
  const [lock, setLock] = useState(true)
  // What is being typed into one field (it may be empty or out of range for a moment); each
  // field otherwise shows the size itself, so a new crop or turn shows at once and no copy of
  // the size can overwrite what the user types.
  const [draft, setDraft] = useState<{ side: 'w' | 'h'; value: string } | null>(null)
  const shown = (side: 'w' | 'h') => (draft?.side === side ? draft.value : String(side === 'w' ? out.width : out.height))

  const change = (side: 'w' | 'h', value: string) => {
    setDraft({ side, value })
    const n = Number(value)
    if (!Number.isInteger(n) || n < 1 || n > MAX_SIDE) return
    const other = (ratio: number) => Math.min(MAX_SIDE, Math.max(1, Math.round(n * ratio)))
    const next =
      side === 'w'
        ? { width: n, height: lock ? other(cropped.height / cropped.width) : out.height }
        : { width: lock ? other(cropped.width / cropped.height) : out.width, height: n }
    onEdit({ ...edit, resize: next })
  }

  return (
    <section className="edit-section" aria-labelledby="edit-size">
      <h3 id="edit-size" className="edit-heading">
        Size
      </h3>
      <div className="size-row">
        <label className="field">
          <span className="field-label">Width</span>
          <input className="input" type="number" min={1} max={MAX_SIDE} value={shown('w')} onChange={(e) => change('w', e.target.value)} onBlur={() => setDraft(null)} />
        </label>
        <span className="size-times" aria-hidden="true">
          ×
        </span>
        <label className="field">
          <span className="field-label">Height</span>
          <input className="input" type="number" min={1} max={MAX_SIDE} value={shown('h')} onChange={(e) => change('h', e.target.value)} onBlur={() => setDraft(null)} />
        </label>
      </div>
      <label className="check-line">
        <input type="checkbox" checked={lock} onChange={(e) => setLock(e.target.checked)} />
        <span>Keep proportions</span>
      </label>
    </section>
  )
}
