import { useEffect, useState } from 'react'
import { useTrove } from '../../store/index.js'
import type { SearchFilters } from '../../routing/routes.js'
import { displayName } from '../Breadcrumbs.js'

const TYPES: Array<[NonNullable<SearchFilters['type']> | '', string]> = [
  ['', 'Any type'],
  ['image', 'Images'],
  ['video', 'Videos'],
  ['audio', 'Audio'],
  ['document', 'Documents'],
  ['file', 'Any file'],
  ['folder', 'Folders'],
]

/**
 * The filters of the search on show. Each change runs the search again (and so changes the
 * address). The camera list comes from main, which names only cameras of files this user can
 * view; the custom fields are the ones an admin defined.
 */
export function SearchFilterBar() {
  const filters = useTrove((s) => s.search!.filters)
  const folder = useTrove((s) => (s.folderId ? s.byId[s.folderId] : undefined))
  const within = useTrove((s) => (s.search?.filters.folderId ? s.byId[s.search.filters.folderId] : undefined))
  const fields = useTrove((s) => s.fields)
  const [cameras, setCameras] = useState<string[]>([])
  const set = (patch: Partial<SearchFilters>) => void useTrove.getState().setSearchFilters(patch)

  useEffect(() => {
    if (useTrove.getState().fields.length === 0) void useTrove.getState().loadFields()
  }, [])
  useEffect(() => {
    let live = true
    useTrove.getState().loadCameras(filters.folderId).then(
      (list) => live && setCameras(list),
      () => live && setCameras([]),
    )
    return () => {
      live = false
    }
  }, [filters.folderId])

  const fieldValue = (fieldId: string) => filters.metadata?.find((m) => m.fieldId === fieldId)?.value ?? ''
  const setField = (fieldId: string, value: string) => {
    const rest = (filters.metadata ?? []).filter((m) => m.fieldId !== fieldId)
    set({ metadata: value.trim() ? [...rest, { fieldId, value: value.trim() }] : rest })
  }
  const scopeFolder = within ?? folder

  return (
    <div className="search-filters" role="group" aria-label="Search filters">
      <label className="search-filter">
        <span>Type</span>
        <select aria-label="Type" value={filters.type ?? ''} onChange={(e) => set({ type: (e.target.value || undefined) as SearchFilters['type'] })}>
          {TYPES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <CommittedText label="Tags" placeholder="red, logo" value={(filters.tags ?? []).join(', ')} onCommit={(v) => set({ tags: v.split(',').map((t) => t.trim()).filter(Boolean).slice(0, 20) })} />
      <label className="search-filter">
        <span>Camera</span>
        <select aria-label="Camera" value={filters.camera ?? ''} onChange={(e) => set({ camera: e.target.value || undefined })}>
          <option value="">Any camera</option>
          {cameras.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
          {filters.camera && !cameras.includes(filters.camera) && <option value={filters.camera}>{filters.camera}</option>}
        </select>
      </label>
      <DateRange label="Taken" from={filters.takenFrom} to={filters.takenTo} onChange={(takenFrom, takenTo) => set({ takenFrom, takenTo })} />
      <DateRange label="Modified" from={filters.modifiedFrom} to={filters.modifiedTo} onChange={(modifiedFrom, modifiedTo) => set({ modifiedFrom, modifiedTo })} />
      {fields.map((field) => (
        <CommittedText key={field.id} label={field.name} value={fieldValue(field.id)} onCommit={(v) => setField(field.id, v)} />
      ))}
      {scopeFolder && (
        <label className="search-filter search-filter-check">
          <input type="checkbox" checked={!!filters.folderId} onChange={(e) => set({ folderId: e.target.checked ? scopeFolder.id : undefined })} />
          <span>In {displayName(scopeFolder)}</span>
        </label>
      )}
    </div>
  )
}

/** A text filter that searches when the person presses Enter or leaves the field, not on every key. */
function CommittedText({ label, value, placeholder, onCommit }: { label: string; value: string; placeholder?: string; onCommit(v: string): void }) {
  const [text, setText] = useState(value)
  useEffect(() => setText(value), [value])
  const commit = () => {
    if (text !== value) onCommit(text)
  }
  return (
    <label className="search-filter">
      <span>{label}</span>
      <input
        type="text"
        aria-label={label}
        placeholder={placeholder}
        value={text}
        maxLength={255}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            commit()
          }
        }}
      />
    </label>
  )
}

function DateRange({ label, from, to, onChange }: { label: string; from?: string; to?: string; onChange(from?: string, to?: string): void }) {
  return (
    <fieldset className="search-filter search-filter-dates">
      <legend>{label}</legend>
      <input type="date" aria-label={`${label} from`} value={from ?? ''} onChange={(e) => onChange(e.target.value || undefined, to)} />
      <span aria-hidden="true">–</span>
      <input type="date" aria-label={`${label} to`} value={to ?? ''} onChange={(e) => onChange(from, e.target.value || undefined)} />
    </fieldset>
  )
}
