import { useEffect, useRef, useState } from 'react'
import { useTrove } from '../store/index.js'
import { SearchIcon } from './actionIcons.js'
import { CloseIcon } from './icons.js'

/** Typing pauses this long before a search runs, so each keystroke does not ask main. */
const DEBOUNCE_MS = 250

/** Search everything the user can view; the results replace the folder in the centre until cleared. */
export function SearchBox() {
  const active = useTrove((s) => s.search?.query ?? null)
  // A search opened by its address (or Back) shows its words in the box; typing is never overwritten.
  useEffect(() => {
    if (active !== null && document.activeElement !== input.current) setText(active)
  }, [active])
  const [text, setText] = useState('')
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const input = useRef<HTMLInputElement>(null)

  // Opening a folder (or switching user) ends the search: the box empties with it.
  useEffect(() => {
    if (active === null) setText('')
  }, [active])
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])
  // "/" goes to the search box from anywhere but a text field, as on most sites that search.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return
      const target = e.target as HTMLElement | null
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return
      if (useTrove.getState().dialog || useTrove.getState().viewerId) return
      e.preventDefault()
      input.current?.focus()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
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
        ref={input}
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
