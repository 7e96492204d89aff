import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { FileTypeIcon, fileKind } from '../fileTypeIcons.js'
import { typeLabel } from '../labels.js'
import { offers } from '../menu/assetActions.js'

/** A file no viewer shows: a large icon by type, and a download where the level allows it. */
export function FallbackViewer({ asset }: { asset: AssetView }) {
  const canDownload = offers([asset], 'download')
  return (
    <div className="viewer-fallback">
      <FileTypeIcon kind={fileKind(asset.kind, asset.mime, asset.name)} size={120} className="viewer-fallback-icon" />
      <p>{typeLabel(asset.name, asset.mime)} files cannot be shown here.</p>
      {canDownload && (
        <button type="button" className="button" onClick={() => void useTrove.getState().downloadFile(asset.id)}>
          Download
        </button>
      )}
    </div>
  )
}
