import { useEffect, useId, useState } from 'react'
import type { Id, MetadataValue } from '../../../shared/domain.js'
import type { FieldView } from '../../../shared/views.js'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'

interface Props {
  fileId: Id
  field: FieldView
  value: MetadataValue | undefined
}

/**
 * One field's editor, by type. Typed values are saved when the field is left (or on Enter);
 * choices are saved as they are made. An empty value clears the field; main validates, and
 * its message shows under the field.
 */
export function MetadataFieldEditor({ fileId, field, value }: Props) {
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  const save = async (next: MetadataValue | null) => {
    setError(null)
    try {
      await useTrove.getState().setMetadata(fileId, { [field.id]: next })
    } catch (e) {
      setError(describeError(e).message)
    }
  }
  const described = { 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined }

  let editor
  switch (field.type) {
    case 'text':
    case 'number':
      editor = <TypedInput id={id} field={field} value={value} onSave={save} {...described} />
      break
    case 'date':
      editor = <input id={id} className="input input-small" type="date" value={typeof value === 'string' ? value : ''} onChange={(e) => void save(e.target.value || null)} {...described} />
      break
    case 'boolean':
      editor = (
        <label className="check">
          <input id={id} type="checkbox" checked={value === true} onChange={(e) => void save(e.target.checked)} {...described} />
          <span>{value === true ? 'Yes' : 'No'}</span>
        </label>
      )
      break
    case 'singleSelect':
      editor = (
        <select id={id} className="select select-small" value={typeof value === 'string' ? value : ''} onChange={(e) => void save(e.target.value || null)} {...described}>
          <option value="">—</option>
          {field.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      )
      break
    case 'multiSelect': {
      const chosen = Array.isArray(value) ? value : []
      editor = (
        <div className="check-group" role="group" aria-labelledby={`${id}-label`} {...described}>
          {field.options.map((o) => (
            <label key={o} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(o)}
                onChange={(e) => {
                  const next = e.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o)
                  void save(next.length > 0 ? next : null)
                }}
              />
              <span>{o}</span>
            </label>
          ))}
        </div>
      )
      break
    }
  }

  return (
    <div className="meta-field">
      {field.type === 'multiSelect' ? (
        <span id={`${id}-label`} className="meta-term">
          {field.name}
        </span>
      ) : (
        <label htmlFor={id} className="meta-term">
          {field.name}
        </label>
      )}
      {editor}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

function TypedInput(props: { id: string; field: FieldView; value: MetadataValue | undefined; onSave(v: MetadataValue | null): Promise<void> }) {
  const { id, field, value, onSave, ...aria } = props
  const stored = value === undefined ? '' : String(value)
  const [text, setText] = useState(stored)
  // Someone else's change (a live update) shows unless this field is being typed in.
  useEffect(() => setText(stored), [stored])
  const commit = () => {
    if (text === stored) return
    if (text.trim() === '') return void onSave(null)
    void onSave(field.type === 'number' ? Number(text) : text)
  }
  return (
    <input
      id={id}
      className="input input-small"
      type={field.type === 'number' ? 'number' : 'text'}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault()
          commit()
        }
      }}
      {...aria}
    />
  )
}
