import { useState } from 'react'
import { FIELD_TYPES, type FieldType } from '../../../shared/domain.js'
import { useTrove } from '../../store/index.js'
import { Field, FormAlert } from '../forms/Field.js'
import { errorFor, formError, generalError, type FormError } from '../forms/formError.js'

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  boolean: 'Yes / no',
  singleSelect: 'Single choice',
  multiSelect: 'Multiple choice',
}

const FIELDS = ['name', 'type', 'options']

/** Defines a field: a name, a type, and for the choice types the options, one per line. */
export function NewFieldForm() {
  const [name, setName] = useState('')
  const [type, setType] = useState<FieldType>('text')
  const [options, setOptions] = useState('')
  const [error, setError] = useState<FormError | null>(null)
  const [busy, setBusy] = useState(false)
  const choices = type === 'singleSelect' || type === 'multiSelect'

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const list = choices ? options.split('\n').map((o) => o.trim()).filter(Boolean) : undefined
      await useTrove.getState().defineField({ name: name.trim(), type, options: list })
      setName('')
      setOptions('')
    } catch (e) {
      setError(formError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="form form-compact"
      aria-label="New field"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <h3 className="admin-subtitle">New field</h3>
      <Field label="Field name" error={errorFor(error, 'name')}>
        <input className="input" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </Field>
      <Field label="Type" error={errorFor(error, 'type')}>
        <select className="select" value={type} onChange={(e) => setType(e.target.value as FieldType)}>
          {FIELD_TYPES.map((t) => (
            <option key={t} value={t}>
              {FIELD_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </Field>
      {choices && (
        <Field label="Options" error={errorFor(error, 'options')} hint="One per line.">
          <textarea className="textarea" rows={4} value={options} onChange={(e) => setOptions(e.target.value)} />
        </Field>
      )}
      <FormAlert message={generalError(error, FIELDS)} />
      <button type="submit" className="button button-primary" disabled={busy || name.trim() === ''}>
        Define field
      </button>
    </form>
  )
}
