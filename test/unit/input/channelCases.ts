import type { ChannelName } from '../../../shared/contract/index.js'
import type { ChannelCases } from './cases.js'
import { assetCases } from './casesAssets.js'
import { detailCases } from './casesDetails.js'
import { otherCases } from './casesOther.js'
import { peopleCases } from './casesPeople.js'
import { trashCases } from './casesTrash.js'
import { smartCases } from './casesSmart.js'
import type { World } from './world.js'

/** Every channel of the contract with its accepted input and the inputs it must refuse. */
export function channelCases(w: World): Record<ChannelName, ChannelCases> {
  return { ...peopleCases(w), ...assetCases(w), ...detailCases(w), ...otherCases(w), ...trashCases(w), ...smartCases(w) }
}
