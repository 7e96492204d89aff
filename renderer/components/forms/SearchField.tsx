import { SearchIcon } from '../actionIcons.js'

interface Props {
  value: string
  onChange(value: string): void
  placeholder: string
  /** What a screen reader calls the field; the placeholder unless it needs more words. */
  label?: string
  /** The id of the list the field narrows. */
  controls?: string
  /** The field a person types in first when its dialog opens (Modal.tsx). */
  autoFocus?: boolean
  className?: string
}

/** A search box that narrows a list as one types: the magnifier, then the field. */
export function SearchField({ value, onChange, placeholder, label = placeholder, controls, autoFocus, className }: Props) {
  return (
    <label className={className ? `search-field ${className}` : 'search-field'}>
      <SearchIcon size={16} />
      <input
        className="input"
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        aria-label={label}
        aria-controls={controls}
        autoComplete="off"
        data-autofocus={autoFocus ? true : undefined}
      />
    </label>
  )
}
