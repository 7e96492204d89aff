import { useState } from 'react'
import { fileUrl } from '../../store/platform.js'
import type { Id } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { typeLabel } from '../labels.js'
import { EditControls, FORMATS, type FormatId } from './EditControls.js'
import { RATIOS, initialEdit, outputSize, toOps, turnedSize, type EditState } from './editState.js'
import { ImageDialogFrame } from './ImageDialogFrame.js'
import { ImageStage } from './ImageStage.js'
import { RectEditor } from './RectEditor.js'
import { SaveAsFields, derivedName, saveAsInput, type SaveAsChoice } from './SaveAsFields.js'
import { FocusIcon } from './mediaIcons.js'
import { useSubmit } from '../forms/useSubmit.js'
import { FormAlert } from '../forms/Field.js'

/** Fits the editor's canvas column (920 px dialog less the side panel and padding). */
const STAGE = { width: 572, height: 420 }

/** Crop, turn, mirror, resize and convert an image (issue 7), saved by main as a new version or a new file. */
export function ImageEditorDialog({ fileId }: { fileId: Id }) {
  return (
    <ImageDialogFrame fileId={fileId} title="Edit image" operation="editImage" className="modal-editor">
      {(asset) => <ImageEditor key={`${asset.id}:${asset.currentVersion}`} asset={asset} />}
    </ImageDialogFrame>
  )
}

function ImageEditor({ asset }: { asset: AssetView }) {
  const closeDialog = useTrove((s) => s.closeDialog)
  const [edit, setEdit] = useState<EditState>(initialEdit)
  const [format, setFormat] = useState<FormatId | ''>('')
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null)
  const [saveAs, setSaveAs] = useState<SaveAsChoice>({ as: 'version' })
  const [broken, setBroken] = useState(false)

  // Pixel sizes come from main; the preview's own size stands in for the shape if main has none.
  const size = asset.width && asset.height ? { width: asset.width, height: asset.height } : null
  const shape = size ?? natural ?? { width: 4, height: 3 }
  const ops = toOps(edit, shape.width, shape.height)
  const unchanged = ops.length === 0 && format === ''
  const ext = FORMATS.find((f) => f.id === format)?.ext
  const defaultName = derivedName(asset.name, 'edited', ext)
  const turned = turnedSize(edit, shape.width, shape.height)
  const ratio = RATIOS[edit.ratio]
  const out = outputSize(edit, shape.width, shape.height)

  const changeFormat = (next: FormatId | '') => {
    // A name the user has not typed follows the format's extension.
    if (saveAs.as === 'file' && saveAs.name === defaultName) setSaveAs({ as: 'file', name: derivedName(asset.name, 'edited', FORMATS.find((f) => f.id === next)?.ext) })
    setFormat(next)
  }

  const { busy, error, run } = useSubmit(closeDialog)
  const save = () => run(() => useTrove.getState().editImage({ fileId: asset.id, ops, ...(format ? { format } : {}), saveAs: saveAsInput(saveAs) }))

  return (
    <form
      className="editor"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <div className="editor-body">
        <div className="editor-canvas">
          {broken ? (
            <p className="field-error" role="alert">
              The preview of “{asset.name}” could not be loaded.
            </p>
          ) : (
            <ImageStage
              src={fileUrl('preview', asset.id, asset.currentVersion)}
              width={shape.width}
              height={shape.height}
              rotation={edit.rotation}
              flipH={edit.flipH}
              flipV={edit.flipV}
              maxWidth={STAGE.width}
              maxHeight={STAGE.height}
              onLoad={(e) => setNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
              onError={() => setBroken(true)}
            >
              <RectEditor
                rect={edit.crop}
                onChange={(crop) => setEdit({ ...edit, crop, resize: null })}
                ratio={ratio === null ? null : (ratio * turned.height) / turned.width}
                label="Crop area"
                variant="crop"
              />
            </ImageStage>
          )}
          <p className="editor-result" aria-live="polite">
            {size ? `Result: ${out.width} × ${out.height} px` : 'Result'}, {format ? FORMATS.find((f) => f.id === format)!.label : typeLabel(asset.name, asset.mime)}
            {unchanged && ' · no changes yet'}
          </p>
        </div>
        <div className="editor-side">
          <EditControls edit={edit} onEdit={setEdit} size={size} format={format} onFormat={changeFormat} currentFormat={typeLabel(asset.name, asset.mime)} />
          <SaveAsFields value={saveAs} onChange={setSaveAs} fileName={asset.name} defaultName={defaultName} />
        </div>
      </div>
      <FormAlert message={error} />
      <div className="modal-actions editor-actions">
        <button type="button" className="button button-quiet editor-aside" onClick={() => useTrove.getState().openDialog({ kind: 'focusArea', fileId: asset.id })}>
          <FocusIcon size={16} /> Focus area…
        </button>
        <button type="button" className="button" disabled={unchanged || busy} onClick={() => {
            setEdit(initialEdit)
            setFormat('')
          }}>
          Reset
        </button>
        <button type="button" className="button" onClick={closeDialog}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={unchanged || busy || (saveAs.as === 'file' && !saveAs.name.trim())}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  )
}
