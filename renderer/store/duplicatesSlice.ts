import type { StateCreator } from 'zustand'
import type { Id } from '../../shared/domain.js'
import type { ResultOf } from '../../shared/contract/index.js'
import { api } from '../api/client.js'
import type { TroveState } from './types.js'

/** The duplicates dialogs' questions to main; each dialog keeps its own answer while it is open. */
export interface DuplicatesSlice {
  /** Files with the same content, among what this user can view (under a folder when given). */
  findDuplicates(folderId?: Id): Promise<ResultOf<'duplicates.find'>>
  /** Images that look like this one. */
  findSimilar(fileId: Id): Promise<ResultOf<'duplicates.similar'>>
}

export const createDuplicatesSlice: StateCreator<TroveState, [], [], DuplicatesSlice> = () => ({
  findDuplicates: (folderId) => api.call('duplicates.find', folderId ? { folderId } : {}),
  findSimilar: (fileId) => api.call('duplicates.similar', { fileId }),
})
