import type { Id } from '../../shared/domain.js'
import type { AssetView, SessionView, UserView } from '../../shared/views.js'
import type { ShownError } from '../api/errors.js'

/** Who acts, as main says (the renderer never names an actor: it only asks main to switch). */
export interface SessionSlice {
  /** `disconnected`: this browser has no session on the server; `failed`: main could not be asked. */
  status: 'loading' | 'ready' | 'signedOut' | 'disconnected' | 'failed'
  session: SessionView | null
  users: UserView[]
  loadSession(): Promise<void>
  loadUsers(): Promise<void>
  /** These throw, so the form that asked can show why next to its fields. */
  signIn(email: string, password?: string): Promise<void>
  switchUser(userId: Id, password?: string): Promise<void>
  viewAs(userId: Id): Promise<void>
  endViewAs(): Promise<void>
}

/** The folder tree: loaded lazily, one folder's children at a time. */
export interface TreeSlice {
  /** Home, or a restricted user's shared-with-me roots (SPEC section 4). */
  rootIds: Id[]
  rootsLoaded: boolean
  /** Children of the folders loaded so far, in main's order (folders first). */
  childIds: Record<Id, Id[]>
  expanded: Record<Id, boolean>
  loadingIds: Record<Id, boolean>
  loadRoots(): Promise<void>
  loadChildren(folderId: Id): Promise<void>
  setExpanded(folderId: Id, open: boolean): Promise<void>
}

/** The folder on show, its contents and the selection. */
export interface AssetsSlice {
  /** Every asset seen so far, as main last described it to this session. */
  byId: Record<Id, AssetView>
  /** null: the top of a restricted user's library ("Shared with me"). */
  folderId: Id | null
  /** Visible ancestors of the folder, from the top down (breadcrumbs). */
  trail: Id[]
  itemIds: Id[]
  listing: 'idle' | 'loading' | 'ready' | 'failed'
  selection: Id[]
  uploads: { done: number; total: number; current: string } | null
  remember(views: AssetView[]): void
  resetLibrary(): void
  /** Loads the roots and opens where this user starts: Home, or the shared-with-me top. */
  startLibrary(): Promise<void>
  openFolder(folderId: Id | null): Promise<void>
  refreshListing(): Promise<void>
  /** After a change event: whatever is on screen is asked for again. */
  refreshVisible(): Promise<void>
  select(id: Id, mode?: 'replace' | 'toggle'): void
  createFolder(name: string): Promise<AssetView>
  uploadFiles(files: File[]): Promise<void>
}

export type Dialog = { kind: 'newFolder' } | { kind: 'password'; userId: Id }

export interface UiSlice {
  errors: Array<ShownError & { id: number }>
  dialog: Dialog | null
  /** Every failure ends here or next to the control that caused it: nothing fails silently. */
  reportError(error: unknown): void
  dismissError(id: number): void
  openDialog(dialog: Dialog): void
  closeDialog(): void
}

export type TroveState = SessionSlice & TreeSlice & AssetsSlice & UiSlice
