import { channelNames, type ChannelName } from '../../shared/contract/index.js'
import type { Handler, SessionHandler } from './context.js'
import { activityHandlers } from './activity/activityHandlers.js'
import { assetHandlers } from './assets/assetHandlers.js'
import { collectionHandlers } from './collections/collectionHandlers.js'
import { commentHandlers } from './comments/commentHandlers.js'
import { headlessDialogHandlers } from './dialogs/dialogHandlers.js'
import { downloadHandlers } from './downloads/downloadHandlers.js'
import { duplicateHandlers } from './duplicates/duplicateHandlers.js'
import { extensionHandlers } from './extensions/extensionHandlers.js'
import { fileHandlers } from './files/fileHandlers.js'
import { focusHandlers } from './focus/focusHandlers.js'
import { folderHandlers } from './folders/folderHandlers.js'
import { groupHandlers } from './groups/groupHandlers.js'
import { imageHandlers } from './images/imageHandlers.js'
import { importHandlers } from './imports/importHandlers.js'
import { jobHandlers } from './jobs/jobHandlers.js'
import { metadataHandlers } from './metadata/metadataHandlers.js'
import { searchHandlers } from './search/searchHandlers.js'
import { sessionHandlers } from './session/sessionHandlers.js'
import { sharingHandlers } from './sharing/sharingHandlers.js'
import { tagHandlers } from './tags/tagHandlers.js'
import { trashHandlers } from './trash/trashHandlers.js'
import { userHandlers } from './users/userHandlers.js'
import { smartCollectionHandlers } from './smartCollections/smartCollectionHandlers.js'

type AnyMap = Record<string, unknown>

/** Merges the domains' maps; a channel claimed twice is a programming error caught at start (docs/architecture.md). */
export function mergeHandlers<T>(...maps: AnyMap[]): T {
  const merged: AnyMap = {}
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (name in merged) throw new Error(`Channel ${name} has two handlers.`)
      merged[name] = handler
    }
  }
  return merged as T
}

export const sessionChannelHandlers = mergeHandlers<{ [C in ChannelName]?: SessionHandler<C> }>(sessionHandlers, headlessDialogHandlers)
export const channelHandlers = mergeHandlers<{ [C in ChannelName]?: Handler<C> }>(
  userHandlers, groupHandlers, assetHandlers, folderHandlers, fileHandlers, tagHandlers, metadataHandlers, focusHandlers,
  commentHandlers, searchHandlers, collectionHandlers, sharingHandlers, downloadHandlers, activityHandlers, imageHandlers,
  extensionHandlers, jobHandlers, importHandlers, trashHandlers, duplicateHandlers, smartCollectionHandlers,
)

/** Every channel of the contract has exactly one handler. */
export function missingHandlers(): ChannelName[] {
  return channelNames.filter((c) => !(c in channelHandlers) && !(c in sessionChannelHandlers))
}
