import { useState } from 'react'
import type { AssetView, VersionView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { hasRendition } from '../../../shared/mediaKinds.js'
import { fileUrl } from '../../store/platform.js'
import { ConfirmDialog } from '../dialogs/ConfirmDialog.js'
import { Modal } from '../dialogs/Modal.js'
import { UploadIcon } from '../icons.js'
import { dimensions, formatBytes, formatDateTime } from '../labels.js'
import { usePickers } from '../UploadProvider.js'
import { can } from './can.js'
import { Section } from './Section.js'

/**
 * The file's versions, newest first. Uploading a new one and restoring an old one need
 * contribute; deleting one needs manage (docs/permissions.md), and the current one cannot be deleted.
 */
export function VersionsSection({ asset, versions }: { asset: AssetView; versions: VersionView[] | null }) {
  const users = useTrove((s) => s.users)
  const { pickVersion } = usePickers()
  const { restoreVersion, deleteVersion, downloadFile, reportError } = useTrove.getState()
  const [deleting, setDeleting] = useState<number | null>(null)
  const [previewing, setPreviewing] = useState<number | null>(null)
  const mayDownload = can(asset, 'downloadFile')
  const mayUpload = can(asset, 'upload')
  const mayRestore = can(asset, 'restoreVersion')
  const mayDelete = can(asset, 'deleteVersion')
  const who = (id: string) => users.find((u) => u.id === id)?.name ?? 'Unknown user'
  return (
    <Section
      title="Versions"
      action={
        mayUpload && (
          <button type="button" className="button button-small" onClick={() => pickVersion(asset.id)}>
            <UploadIcon size={14} /> Upload new version
          </button>
        )
      }
    >
      {versions === null ? (
        <p className="details-muted" role="status">
          Loading versions…
        </p>
      ) : (
        <ol className="versions" aria-label="Versions">
          {versions.map((v) => (
            <li key={v.number} className={`version${v.current ? ' is-current' : ''}`} aria-label={`Version ${v.number}`}>
              <div className="version-head">
                {hasRendition(v.mime) && <img className="version-thumb" src={fileUrl('thumb', asset.id, v.number)} alt="" loading="lazy" />}
                <span className="version-number">Version {v.number}</span>
                {v.current && <span className="chip chip-accent">Current</span>}
              </div>
              <div className="version-meta">
                {[formatBytes(v.size), v.mime, dimensions(v.width, v.height)].filter(Boolean).join(' · ')}
              </div>
              <div className="version-meta">
                {who(v.createdBy)}, {formatDateTime(v.createdAt)}
              </div>
              {v.restoredFrom !== undefined && <div className="version-meta">Restored from version {v.restoredFrom}</div>}
              <div className="version-actions">
                {hasRendition(v.mime) && (
                  <button type="button" className="button button-small" aria-label={`Preview version ${v.number}`} onClick={() => setPreviewing(v.number)}>
                    Preview
                  </button>
                )}
                {mayDownload && (
                  <button type="button" className="button button-small" aria-label={`Download version ${v.number}`} onClick={() => void downloadFile(asset.id, v.number)}>
                    Download
                  </button>
                )}
              </div>
              {!v.current && (mayRestore || mayDelete) && (
                <div className="version-actions">
                  {mayRestore && (
                    <button type="button" className="button button-small" onClick={() => void restoreVersion(asset.id, v.number).catch(reportError)}>
                      Restore
                    </button>
                  )}
                  {mayDelete && (
                    <button type="button" className="button button-small button-quiet-danger" aria-label={`Delete version ${v.number}`} onClick={() => setDeleting(v.number)}>
                      Delete
                    </button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {previewing !== null && (
        <Modal title={`${asset.name}, version ${previewing}`} onClose={() => setPreviewing(null)} className="modal-wide">
          <img className="version-preview" src={fileUrl('preview', asset.id, previewing)} alt={`Version ${previewing} of ${asset.name}`} />
          <div className="modal-actions">
            <button type="button" className="button button-primary" onClick={() => setPreviewing(null)}>
              Close
            </button>
          </div>
        </Modal>
      )}
      {deleting !== null && (
        <ConfirmDialog title={`Delete version ${deleting}?`} confirmLabel="Delete version" danger onConfirm={() => deleteVersion(asset.id, deleting)} onClose={() => setDeleting(null)}>
          <p>
            Version {deleting} of “{asset.name}” is deleted for good. The other versions stay, and the current one is not affected.
          </p>
        </ConfirmDialog>
      )}
    </Section>
  )
}
