import { useId } from 'react'
import { fitName, splitExtension } from '../../../shared/names.js'

export type SaveAsChoice = { as: 'version' } | { as: 'file'; name: string }

/** Where a result goes (issue 7): the file's next version, so nothing is lost, or a new file beside it. */
export function SaveAsFields({ value, onChange, fileName, defaultName }: { value: SaveAsChoice; onChange(v: SaveAsChoice): void; fileName: string; defaultName: string }) {
  const id = useId()
  const name = value.as === 'file' ? value.name : ''
  return (
    <fieldset className="save-as">
      <legend>Save as</legend>
      <label className="radio-line">
        <input type="radio" name={`${id}-as`} checked={value.as === 'version'} onChange={() => onChange({ as: 'version' })} />
        <span>A new version of {fileName}</span>
      </label>
      <label className="radio-line">
        <input type="radio" name={`${id}-as`} checked={value.as === 'file'} onChange={() => onChange({ as: 'file', name: name || defaultName })} />
        <span>A new file beside it</span>
      </label>
      {value.as === 'file' && (
        <label className="field save-as-name">
          <span className="field-label">New file name</span>
          <input className="input" value={value.name} onChange={(e) => onChange({ as: 'file', name: e.target.value })} autoComplete="off" required />
        </label>
      )}
    </fieldset>
  )
}

/** `saveAs` as main takes it. */
export function saveAsInput(choice: SaveAsChoice): 'version' | { newName: string } {
  return choice.as === 'version' ? 'version' : { newName: choice.name.trim() }
}

/** "photo.jpg" → "photo (edited).webp": a name beside the original that says what it is, short enough to be a name. */
export function derivedName(fileName: string, suffix: string, extension?: string): string {
  const [stem, ext] = splitExtension(fileName)
  const tail = extension === undefined ? ext : extension ? `.${extension}` : ''
  return fitName(stem, ` (${suffix})`, tail)
}
