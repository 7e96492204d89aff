import { createContext, useContext, useMemo, useRef, type ReactNode } from 'react'
import type { Id } from '../../shared/domain.js'
import { useTrove } from '../store/index.js'
import { entriesFromFileList } from './upload/readDrop.js'

export interface Pickers {
  /** Files into the open folder (or the one named). */
  pickFiles(folderId?: Id): void
  /** A whole folder, keeping its structure. */
  pickFolder(folderId?: Id): void
  /** A new version of a file. */
  pickVersion(fileId: Id): void
}

const noop = () => undefined
const UploadContext = createContext<Pickers>({ pickFiles: noop, pickFolder: noop, pickVersion: noop })

/**
 * The file inputs for the whole screen, so the toolbar, the empty state, the menus and the
 * details panel open the same pickers. The desktop shell's native dialogs come first: they
 * give paths that main imports as a streamed job; a browser sends the files' bytes.
 */
export function UploadProvider({ children }: { children: ReactNode }) {
  const files = useRef<HTMLInputElement>(null)
  const folder = useRef<HTMLInputElement>(null)
  const version = useRef<HTMLInputElement>(null)
  /** Where the picked files go, remembered between the click and the input's change. */
  const target = useRef<{ folderId?: Id; fileId?: Id }>({})

  const pickers = useMemo<Pickers>(() => {
    const viaInput = (input: HTMLInputElement | null, kind: 'files' | 'folder', folderId?: Id) => {
      target.current = { folderId }
      void useTrove
        .getState()
        .importFromDisk(kind, folderId)
        .then((done) => {
          if (!done) input?.click()
        })
    }
    return {
      pickFiles: (folderId) => viaInput(files.current, 'files', folderId),
      pickFolder: (folderId) => viaInput(folder.current, 'folder', folderId),
      pickVersion: (fileId) => {
        target.current = { fileId }
        version.current?.click()
      },
    }
  }, [])

  /** Cleared after reading, so that picking the same file again still fires a change. */
  const take = (input: HTMLInputElement): File[] => {
    const picked = [...(input.files ?? [])]
    input.value = ''
    return picked
  }

  return (
    <UploadContext.Provider value={pickers}>
      {children}
      <input ref={files} type="file" multiple hidden aria-label="Upload files" onChange={(e) => void useTrove.getState().uploadFiles(take(e.currentTarget), target.current.folderId)} />
      <input
        ref={folder}
        type="file"
        multiple
        hidden
        aria-label="Upload a folder"
        // React does not know this attribute; every browser Trove runs in does.
        {...{ webkitdirectory: '' }}
        onChange={(e) => void useTrove.getState().uploadTree(entriesFromFileList(take(e.currentTarget)), target.current.folderId)}
      />
      <input
        ref={version}
        type="file"
        hidden
        aria-label="Upload a new version"
        onChange={(e) => {
          const [file] = take(e.currentTarget)
          const fileId = target.current.fileId
          if (file && fileId) void useTrove.getState().uploadVersion(fileId, file)
        }}
      />
    </UploadContext.Provider>
  )
}

export function usePickers(): Pickers {
  return useContext(UploadContext)
}
