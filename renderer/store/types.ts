import type { Id } from '../../shared/domain.js'
import type { SessionView, UserListItem } from '../../shared/views.js'
import type { ShownError } from '../api/errors.js'
import type { AdminSlice } from './adminSlice.js'
import type { AssetOpsSlice } from './assetOpsSlice.js'
import type { AssetsSlice } from './assetsSlice.js'
import type { CollectionsSlice } from './collectionsSlice.js'
import type { DetailsSlice } from './detailsSlice.js'
import type { ImportsSlice } from './importsSlice.js'
import type { JobsSlice } from './jobsSlice.js'
import type { MediaSlice } from './mediaSlice.js'
import type { RouteSlice } from './routeSlice.js'
import type { NoticesSlice } from './noticesSlice.js'
import type { TrashSlice } from './trashSlice.js'
import type { ActivitySlice } from './activitySlice.js'
import type { SmartSlice } from './smartSlice.js'
import type { PreviewSlice } from './previewSlice.js'
import type { DuplicatesSlice } from './duplicatesSlice.js'
import type { SearchSlice } from './searchSlice.js'
import type { SelectionSlice } from './selectionSlice.js'
import type { SharingSlice } from './sharingSlice.js'
import type { UploadSlice } from './uploadSlice.js'
import type { ViewSlice } from './viewSlice.js'
import type { Dialog } from './dialogs.js'

export type { Dialog } from './dialogs.js'

/** Who acts, as main says (the renderer never names an actor: it only asks main to switch). */
export interface SessionSlice {
  /** `disconnected`: this browser has no session on the server; `failed`: main could not be asked. */
  status: 'loading' | 'ready' | 'signedOut' | 'disconnected' | 'failed'
  session: SessionView | null
  /** Everyone, as main lets this actor know them (id and name only for a restricted user). */
  users: UserListItem[]
  /** Sign-ins, switches and view-as calls still out: who main acts as may already have changed. */
  sessionChanges: number
  /** Who acts now; `atAddress` opens the page's address (a load), otherwise the new actor's start (a switch). */
  loadSession(atAddress?: boolean): Promise<void>
  loadUsers(): Promise<void>
  /** These throw, so the form that asked can show why next to its fields. */
  signIn(email: string, password?: string): Promise<void>
  switchUser(userId: Id, password?: string): Promise<void>
  viewAs(userId: Id): Promise<void>
  endViewAs(): Promise<void>
  /** Set once an admin creates an account, so an admin without a password is asked for one. */
  ownPasswordAsked: boolean
  /** The acting admin's own password (throws, so the prompt can show why). */
  setOwnPassword(password: string): Promise<void>
  /** Puts the question off, where that is allowed (only administrators in the library). */
  skipOwnPassword(): void
}

/** The folder tree: loaded lazily, one folder's children at a time. */
export interface TreeSlice {
  /** Home, or a restricted user's shared-with-me roots (docs/permissions.md). */
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

export interface UiSlice {
  errors: Array<ShownError & { id: number }>
  dialog: Dialog | null
  /** Every failure ends here or next to the control that caused it: nothing fails silently. */
  reportError(error: unknown): void
  dismissError(id: number): void
  openDialog(dialog: Dialog): void
  closeDialog(): void
  /** The user menu in the top bar; the desktop menu's "Switch User…" opens it too. */
  switcherOpen: boolean
  setSwitcherOpen(open: boolean): void
}

export type TroveState = SessionSlice &
  TreeSlice &
  AssetsSlice &
  UiSlice &
  SelectionSlice &
  ViewSlice &
  SearchSlice &
  AssetOpsSlice &
  UploadSlice &
  DetailsSlice &
  AdminSlice &
  JobsSlice &
  ImportsSlice &
  MediaSlice &
  CollectionsSlice &
  SharingSlice &
  RouteSlice &
  NoticesSlice &
  TrashSlice &
  ActivitySlice &
  SmartSlice &
  PreviewSlice &
  DuplicatesSlice
