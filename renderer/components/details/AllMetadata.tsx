import { useEffect, useState } from 'react'
import type { Id } from '../../../shared/domain.js'
import type { EmbeddedField } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { describeError } from '../../api/errors.js'

/** Names a person knows the groups by. */
const GROUP_LABELS: Record<string, string> = {
  exif: 'EXIF', iptc: 'IPTC', xmp: 'XMP', gps: 'GPS', icc: 'ICC profile', file: 'File', png: 'PNG', pngText: 'PNG text',
  pngFile: 'PNG header', riff: 'WebP', jfif: 'JFIF', gif: 'GIF', photoshop: 'Photoshop', makerNotes: 'Maker notes', composite: 'Computed', Thumbnail: 'Thumbnail',
}

type Loaded = { fileId: Id; version: number | undefined; fields: EmbeddedField[] | null; error: string | null }

/**
 * Every field read from the file (EXIF, IPTC, XMP and the rest), grouped where it was found.
 * Read from the file when opened: the library stores only the reconciled fields above it.
 */
export function AllMetadata({ fileId, version }: { fileId: Id; version?: number }) {
  const [open, setOpen] = useState(false)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const current = loaded && loaded.fileId === fileId && loaded.version === version ? loaded : null

  useEffect(() => {
    if (!open || current) return
    let stale = false
    useTrove
      .getState()
      .loadEmbeddedFields(fileId, version)
      .then((fields) => !stale && setLoaded({ fileId, version, fields, error: null }))
      .catch((error: unknown) => !stale && setLoaded({ fileId, version, fields: null, error: describeError(error).message }))
    return () => {
      stale = true
    }
  }, [open, current, fileId, version])

  const groups = new Map<string, EmbeddedField[]>()
  for (const field of current?.fields ?? []) groups.set(field.group, [...(groups.get(field.group) ?? []), field])

  return (
    <div className="all-metadata">
      <button type="button" className="button button-small button-quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
        All metadata
      </button>
      {open && !current && <p role="status">Reading the file…</p>}
      {open && current?.error && <p role="alert">{current.error}</p>}
      {open && current?.fields?.length === 0 && <p>This file holds no embedded metadata.</p>}
      {open &&
        [...groups].map(([group, fields]) => (
          <section key={group} aria-label={`${GROUP_LABELS[group] ?? group} fields`} className="all-metadata-group">
            <h4>{GROUP_LABELS[group] ?? group}</h4>
            <dl className="props">
              {fields.map((f, i) => (
                <div key={`${f.name}-${i}`} className="props-row">
                  <dt>{f.name}</dt>
                  <dd>{f.value}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
    </div>
  )
}
