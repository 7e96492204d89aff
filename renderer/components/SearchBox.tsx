import { useEffect, useRef, useState } from 'react'
import { useTrove } from '../store/index.js'
import { SearchIcon } from './actionIcons.js'
import { CloseIcon } from './icons.js'

/** Typing pauses this long before a search runs, so each keystroke does not ask main. */
const DEBOUNCE_MS = 250

/** Search everything the user can view; the results replace the folder in the centre until cleared. */
export function SearchBox() {
  const active = useTrove((s) => s.search?.query ?? null)
  const [text, setText] = useState('')
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  // Opening a folder (or switching user) ends the search: the box empties with it.
  useEffect(() => {
    if (active === null) setText('')
  }, [active])
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])

  const schedule = (value: string) => {
    setText(value)
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void useTrove.getState().runSearch(value), DEBOUNCE_MS)
  }
  const clear = () => {
    if (timer.current) clearTimeout(timer.current)
    setText('')
    useTrove.getState().clearSearch()
  }

  return (
    <form
      className="search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault()
        if (timer.current) clearTimeout(timer.current)
        void useTrove.getState().runSearch(text)
      }}
    >
      <SearchIcon size={17} className="search-icon" />
      <input
        className="search-input"
        type="search"
        aria-label="Search the library"
        placeholder="Search names, tags and keywords"
        value={text}
        onChange={(e) => schedule(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            e.preventDefault()
            clear()
          }
        }}
      />
      {text && (
        <button type="button" className="icon-button search-clear" aria-label="Clear search" onClick={clear}>
          <CloseIcon size={14} />
        </button>
      )}
    </form>
  )
}
