/**
 * The one contract between renderer and main (docs/architecture.md): each channel's input
 * schema and result type, and the events main pushes.
 */
import type { z } from 'zod'
import type { ChannelDef } from './define.js'
import { activityChannels } from './activity.js'
import { assetChannels } from './assets.js'
import { collectionChannels } from './collections.js'
import { commentChannels } from './comments.js'
import { dialogChannels } from './dialogs.js'
import { downloadChannels } from './downloads.js'
import { duplicateChannels } from './duplicates.js'
import { extensionChannels } from './extensions.js'
import { fileChannels } from './files.js'
import { focusChannels } from './focus.js'
import { folderChannels } from './folders.js'
import { groupChannels } from './groups.js'
import { imageChannels } from './images.js'
import { importChannels } from './imports.js'
import { jobChannels } from './jobs.js'
import { metadataChannels } from './metadata.js'
import { searchChannels } from './search.js'
import { sessionChannels } from './session.js'
import { sharingChannels } from './sharing.js'
import { smartCollectionChannels } from './smartCollections.js'
import { tagChannels } from './tags.js'
import { trashChannels } from './trash.js'
import { userChannels } from './users.js'

/** One file per channel prefix: `sharing.set` is defined in ./sharing.ts and handled in main/core/sharing/. */
export const channels = {
  ...sessionChannels,
  ...userChannels,
  ...groupChannels,
  ...assetChannels,
  ...folderChannels,
  ...fileChannels,
  ...tagChannels,
  ...metadataChannels,
  ...focusChannels,
  ...commentChannels,
  ...searchChannels,
  ...collectionChannels,
  ...sharingChannels,
  ...downloadChannels,
  ...activityChannels,
  ...dialogChannels,
  ...imageChannels,
  ...extensionChannels,
  ...jobChannels,
  ...importChannels,
  ...trashChannels,
  ...duplicateChannels,
  ...smartCollectionChannels,
}

export type Channels = typeof channels
export type ChannelName = keyof Channels
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DefOf<C extends ChannelName> = Channels[C] extends ChannelDef<infer I, any> ? I : never
/** What a caller passes (before defaults and transforms). */
export type InputOf<C extends ChannelName> = z.input<DefOf<C>>
/** What a handler receives after validation. */
export type ParsedInputOf<C extends ChannelName> = z.output<DefOf<C>>
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ResultOf<C extends ChannelName> = Channels[C] extends ChannelDef<any, infer R> ? R : never

export const channelNames = Object.keys(channels) as ChannelName[]
export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name)
}

export { events, eventNames, type Events, type EventName } from './events.js'
export type { ChannelDef } from './define.js'
