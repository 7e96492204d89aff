import { create } from 'zustand'
import { createAssetsSlice } from './assetsSlice.js'
import { createSessionSlice } from './sessionSlice.js'
import { createTreeSlice } from './treeSlice.js'
import { createUiSlice } from './uiSlice.js'
import { createSelectionSlice } from './selectionSlice.js'
import { createViewSlice } from './viewSlice.js'
import { createSearchSlice } from './searchSlice.js'
import { createAssetOpsSlice } from './assetOpsSlice.js'
import { createUploadSlice } from './uploadSlice.js'
import { createDetailsSlice } from './detailsSlice.js'
import { createAdminSlice } from './adminSlice.js'
import { createJobsSlice } from './jobsSlice.js'
import { createImportsSlice } from './importsSlice.js'
import { createMediaSlice } from './mediaSlice.js'
import { createCollectionsSlice } from './collectionsSlice.js'
import { createSharingSlice } from './sharingSlice.js'
import { createRouteSlice } from './routeSlice.js'
import { createNoticesSlice } from './noticesSlice.js'
import { createTrashSlice } from './trashSlice.js'
import { createSmartSlice } from './smartSlice.js'
import { createPreviewSlice } from './previewSlice.js'
import { createActivitySlice } from './activitySlice.js'
import { createDuplicatesSlice } from './duplicatesSlice.js'
import type { TroveState } from './types.js'

export type { TroveState } from './types.js'
export type { Dialog, DialogKind, DialogKinds, DialogOf, Plain } from './dialogs.js'

/** One store of typed slices (docs/architecture.md): components read narrow selectors and call actions. */
export const useTrove = create<TroveState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createTreeSlice(...a),
  ...createAssetsSlice(...a),
  ...createUiSlice(...a),
  ...createSelectionSlice(...a),
  ...createViewSlice(...a),
  ...createSearchSlice(...a),
  ...createAssetOpsSlice(...a),
  ...createUploadSlice(...a),
  ...createDetailsSlice(...a),
  ...createAdminSlice(...a),
  ...createJobsSlice(...a),
  ...createImportsSlice(...a),
  ...createMediaSlice(...a),
  ...createCollectionsSlice(...a),
  ...createSharingSlice(...a),
  ...createRouteSlice(...a),
  ...createNoticesSlice(...a),
  ...createTrashSlice(...a),
  ...createSmartSlice(...a),
  ...createPreviewSlice(...a),
  ...createActivitySlice(...a),
  ...createDuplicatesSlice(...a),
}))

/** Back to the first state, for tests and a fresh start. */
export function resetStore(): void {
  useTrove.setState(useTrove.getInitialState(), true)
  // A fresh start is at the start address too (the address is where a reload returns to).
  if (typeof window !== 'undefined') window.history.replaceState(null, '', '/')
}
