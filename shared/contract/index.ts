/**
 * The one contract between renderer and main (docs/architecture.md): each channel's input
 * schema and result type, and the events main pushes.
 */
import type { z } from 'zod'
import type { ChannelDef } from './define.js'
import { assetChannels, fileChannels } from './assets.js'
import { collectionChannels } from './collections.js'
import { detailChannels } from './details.js'
import { duplicateChannels } from './duplicates.js'
import { dialogChannels } from './dialogs.js'
import { mediaChannels } from './media.js'
import { jobChannels } from './jobs.js'
import { importChannels } from './imports.js'
import { activityChannels, downloadChannels, searchChannels } from './misc.js'
import { groupChannels, sessionChannels, userChannels } from './session.js'
import { sharingChannels } from './sharing.js'
import { trashChannels } from './trash.js'

export const channels = {
  ...sessionChannels,
  ...userChannels,
  ...groupChannels,
  ...assetChannels,
  ...fileChannels,
  ...detailChannels,
  ...searchChannels,
  ...collectionChannels,
  ...sharingChannels,
  ...downloadChannels,
  ...activityChannels,
  ...dialogChannels,
  ...mediaChannels,
  ...jobChannels,
  ...importChannels,
  ...trashChannels,
  ...duplicateChannels,
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
