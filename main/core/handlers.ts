import { channelNames, type ChannelName } from '../../shared/contract/index.js'
import type { Handler, SessionHandler } from './context.js'
import { activityHandlers } from './activity/activityHandlers.js'
import { assetHandlers } from './assets/assetHandlers.js'
import { collectionHandlers } from './collections/collectionHandlers.js'
import { detailHandlers } from './details/detailHandlers.js'
import { headlessDialogHandlers } from './dialogs/dialogHandlers.js'
import { duplicateHandlers } from './duplicates/duplicateHandlers.js'
import { downloadHandlers } from './downloads/downloadHandlers.js'
import { fileHandlers } from './files/fileHandlers.js'
import { mediaHandlers } from './media/mediaHandlers.js'
import { jobHandlers } from './jobs/jobHandlers.js'
import { importHandlers } from './imports/importHandlers.js'
import { searchHandlers } from './search/searchHandlers.js'
import { sharingHandlers } from './sharing/sharingHandlers.js'
import { groupHandlers } from './users/groupHandlers.js'
import { sessionHandlers } from './users/sessionHandlers.js'
import { userHandlers } from './users/userHandlers.js'
import { trashHandlers } from './trash/trashHandlers.js'

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
  userHandlers, groupHandlers, assetHandlers, fileHandlers, detailHandlers, searchHandlers,
  collectionHandlers, sharingHandlers, downloadHandlers, activityHandlers, mediaHandlers, jobHandlers, importHandlers, trashHandlers,
  duplicateHandlers,
)

/** Every channel of the contract has exactly one handler. */
export function missingHandlers(): ChannelName[] {
  return channelNames.filter((c) => !(c in channelHandlers) && !(c in sessionChannelHandlers))
}
