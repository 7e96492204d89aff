import { useEffect, useState, type ReactNode } from 'react'
import { ASSET_OPERATIONS, atLeast, type AssetOperation, type Id } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { Modal } from '../dialogs/Modal.js'
import { LEVEL_LABELS } from '../labels.js'
import './media.css'
import { CloseRow } from '../dialogs/CloseRow.js'

interface Props {
  fileId: Id
  title: string
  /** The permission table's row (docs/permissions.md): each of these needs contribute on the file. */
  operation: AssetOperation
  className?: string
  children(asset: AssetView): ReactNode
}

/**
 * The frame of every image dialog: the file is asked for afresh (its level and version may
 * have changed since the grid listed it), and below the level the operation needs the
 * dialog says so instead of offering controls main would refuse.
 */
export function ImageDialogFrame({ fileId, title, operation, className, children }: Props) {
  const asset = useTrove((s) => s.byId[fileId])
  const closeDialog = useTrove((s) => s.closeDialog)
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading')
  const [error, setError] = useState('')

  useEffect(() => {
    let alive = true
    useTrove
      .getState()
      .fetchAsset(fileId)
      .then(
        () => alive && setState('ready'),
        (e) => {
          if (!alive) return
          setError(describeError(e).message)
          setState('failed')
        },
      )
    return () => {
      alive = false
    }
  }, [fileId])

  const need = ASSET_OPERATIONS[operation]
  let refusal: string | null = null
  if (state === 'ready' && asset) {
    if (asset.kind !== 'file' || !asset.mime?.startsWith('image/')) refusal = `“${asset.name}” is not an image, so there is nothing here to work on.`
    else if (!atLeast(asset.level, need)) {
      refusal = `You can only view “${asset.name}”. This needs the “${LEVEL_LABELS[need]}” level on it; ask someone who manages it to share it with you at that level.`
    }
  }

  const body = (() => {
    if (state === 'failed') return <Notice text={error} alert />
    if (state === 'loading' || !asset) return <p className="dialog-status" role="status">Loading…</p>
    if (refusal) return <Notice text={refusal} />
    return null
  })()

  return (
    // A new Modal once the controls are there, so focus moves into them (not onto a Close button that goes away).
    <Modal key={body ? 'notice' : 'ready'} title={title} onClose={closeDialog} className={body ? undefined : className}>
      {body ?? children(asset!)}
      {body && <CloseRow />}
    </Modal>
  )
}

function Notice({ text, alert = false }: { text: string; alert?: boolean }) {
  return (
    <p className={alert ? 'field-error' : 'media-notice'} role={alert ? 'alert' : 'status'}>
      {text}
    </p>
  )
}
