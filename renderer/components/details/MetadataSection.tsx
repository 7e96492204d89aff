import type { MetadataValue } from '../../../shared/domain.js'
import type { AssetView, FieldView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { can } from './can.js'
import { MetadataFieldEditor } from './MetadataFieldEditor.js'
import { Section } from './Section.js'

/** The custom metadata fields an admin defined: edited by type with contribute, read otherwise. */
export function MetadataSection({ asset }: { asset: AssetView }) {
  const fields = useTrove((s) => s.fields)
  const isAdmin = useTrove((s) => !!s.session?.isAdmin)
  const editable = can(asset, 'updateMetadata')
  return (
    <Section title="Custom metadata">
      {fields.length === 0 ? (
        <p className="details-muted">{isAdmin ? 'No fields are defined yet. Define them under Administration.' : 'No custom metadata fields are defined in this library.'}</p>
      ) : editable ? (
        <div className="meta-fields">
          {fields.map((f) => (
            <MetadataFieldEditor key={f.id} fileId={asset.id} field={f} value={asset.metadata?.[f.id]} />
          ))}
        </div>
      ) : (
        <dl className="props">
          {fields.map((f) => (
            <div key={f.id} className="props-row">
              <dt>{f.name}</dt>
              <dd>{shownValue(f, asset.metadata?.[f.id])}</dd>
            </div>
          ))}
        </dl>
      )}
    </Section>
  )
}

export function shownValue(field: FieldView, value: MetadataValue | undefined): string {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—'
  if (field.type === 'boolean') return value ? 'Yes' : 'No'
  return Array.isArray(value) ? value.join(', ') : String(value)
}
