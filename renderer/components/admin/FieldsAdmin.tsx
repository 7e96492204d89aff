import { useState } from 'react'
import type { FieldView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { ConfirmDialog } from '../dialogs/ConfirmDialog.js'
import { FIELD_TYPE_LABELS, NewFieldForm } from './NewFieldForm.js'

/** Custom metadata fields (docs/architecture.md): defined here, filled in on each file's details. */
export function FieldsAdmin() {
  const fields = useTrove((s) => s.fields)
  const [deleting, setDeleting] = useState<FieldView | null>(null)
  return (
    <section className="admin-section" aria-labelledby="fields-title">
      <div className="admin-section-head">
        <div>
          <h2 id="fields-title">Custom metadata fields</h2>
          <p className="admin-hint">Every file can hold a value for each field; values are checked against the field’s type.</p>
        </div>
      </div>
      <div className="admin-split">
        <div className="admin-list-col">
          <NewFieldForm />
        </div>
        <div className="admin-detail">
          {fields.length === 0 ? (
            <p className="details-muted">No fields yet. Define one on the left.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Type</th>
                  <th scope="col">Options</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {fields.map((f) => (
                  <tr key={f.id}>
                    <td className="table-name">{f.name}</td>
                    <td>{FIELD_TYPE_LABELS[f.type]}</td>
                    <td className="table-sub">{f.options.join(', ') || '—'}</td>
                    <td className="table-actions">
                      <button type="button" className="button button-small button-quiet-danger" aria-label={`Delete field ${f.name}`} onClick={() => setDeleting(f)}>
                        Delete…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
      {deleting && (
        <ConfirmDialog title={`Delete the field ${deleting.name}?`} confirmLabel="Delete field" danger onConfirm={() => useTrove.getState().deleteField(deleting.id)} onClose={() => setDeleting(null)}>
          <p>The field disappears from every file, with the values files hold in it. The files themselves are not touched.</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
