import { createContext, useContext, useRef, type ReactNode } from 'react'
import { useTrove } from '../store/index.js'

const UploadContext = createContext<() => void>(() => undefined)

/**
 * One file input for the whole screen, so the toolbar and the empty state open the same
 * picker. The desktop shell's native dialogs and drag and drop come in later.
 */
export function UploadProvider({ children }: { children: ReactNode }) {
  const input = useRef<HTMLInputElement>(null)
  return (
    <UploadContext.Provider value={() => input.current?.click()}>
      {children}
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label="Upload files"
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])]
          // Cleared so that picking the same file again still fires a change.
          e.currentTarget.value = ''
          void useTrove.getState().uploadFiles(files)
        }}
      />
    </UploadContext.Provider>
  )
}

export function usePickFiles(): () => void {
  return useContext(UploadContext)
}
