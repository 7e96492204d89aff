import { useState } from 'react'
import { fileUrl } from '../../store/platform.js'
import type { Id } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import type { Rect } from './editState.js'
import { ImageDialogFrame } from './ImageDialogFrame.js'
import { ImageStage } from './ImageStage.js'
import { RectEditor } from './RectEditor.js'
import { useSubmit } from '../forms/useSubmit.js'
import { FormAlert } from '../forms/Field.js'

const STAGE = { width: 600, height: 440 }
/** Where a focus area drawn with the keyboard starts: the middle quarter. */
const MIDDLE: Rect = { x: 0.25, y: 0.25, width: 0.5, height: 0.5 }

const same = (a: Rect | null | undefined, b: Rect | null | undefined) =>
  (!a && !b) || (!!a && !!b && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height)

/** The custom focus area (issue 7): drawn on the preview, stored on the file, and what thumbnails centre on. */
export function FocusAreaDialog({ fileId }: { fileId: Id }) {
  return (
    <ImageDialogFrame fileId={fileId} title="Focus area" operation="editFocus" className="modal-focus">
      {(asset) => <FocusAreaEditor asset={asset} />}
    </ImageDialogFrame>
  )
}

function FocusAreaEditor({ asset }: { asset: AssetView }) {
  const closeDialog = useTrove((s) => s.closeDialog)
  const [draft, setDraft] = useState<Rect | null>(asset.focus ?? null)
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null)
  const shape = asset.width && asset.height ? { width: asset.width, height: asset.height } : (natural ?? { width: 4, height: 3 })

  const { busy, error, run } = useSubmit(closeDialog)
  const store = (rect: Rect | null) => run(() => useTrove.getState().setFocusArea(asset.id, rect))

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        if (draft) void store(draft)
      }}
    >
      <p className="focus-intro">Draw a rectangle around what matters in the picture. Thumbnails are cut around it, so it stays in view.</p>
      <div className="focus-canvas">
        <ImageStage
          src={fileUrl('preview', asset.id, asset.currentVersion)}
          width={shape.width}
          height={shape.height}
          maxWidth={STAGE.width}
          maxHeight={STAGE.height}
          onLoad={(e) => setNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
        >
          <RectEditor rect={draft} onChange={setDraft} ratio={null} label="Focus area" variant="focus" />
        </ImageStage>
      </div>
      <p className="editor-result" role="status">
        {draft ? (same(draft, asset.focus) ? 'This is the saved focus area.' : 'Not saved yet.') : 'No focus area: thumbnails are cut around the centre.'}
      </p>
      <FormAlert message={error} />
      <div className="modal-actions">
        {!draft && (
          <button type="button" className="button editor-aside" onClick={() => setDraft(MIDDLE)}>
            Start in the middle
          </button>
        )}
        {asset.focus && (
          <button type="button" className="button editor-aside" disabled={busy} onClick={() => void store(null)}>
            Clear focus area
          </button>
        )}
        <button type="button" className="button" onClick={closeDialog}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy || !draft || same(draft, asset.focus)}>
          Save focus area
        </button>
      </div>
    </form>
  )
}
