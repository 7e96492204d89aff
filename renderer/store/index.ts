import { create } from 'zustand'
import { createAssetsSlice } from './assetsSlice.js'
import { createSessionSlice } from './sessionSlice.js'
import { createTreeSlice } from './treeSlice.js'
import { createUiSlice } from './uiSlice.js'
import type { TroveState } from './types.js'

export type { TroveState, Dialog } from './types.js'

/** One store of typed slices (STYLE 10): components read narrow selectors and call actions. */
export const useTrove = create<TroveState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createTreeSlice(...a),
  ...createAssetsSlice(...a),
  ...createUiSlice(...a),
}))

/** Back to the first state, for tests and a fresh start. */
export function resetStore(): void {
  useTrove.setState(useTrove.getInitialState(), true)
}
