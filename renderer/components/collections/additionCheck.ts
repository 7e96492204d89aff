import { ASSET_OPERATIONS, LIMITS, atLeast } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import { isHome } from '../../../shared/home.js'

export interface Refused {
  asset: AssetView
  reason: string
}

export interface AdditionCheck {
  addable: AssetView[]
  refused: Refused[]
  /** A per-request limit (docs/permissions.md) the request would pass: nothing is sent while there is one. */
  overLimit: string | null
}

export const LIMIT_SENTENCE = `You can add up to ${LIMITS.assetsPerAdd} assets to up to ${LIMITS.collectionsPerAdd} collections at once.`

/**
 * The checks main makes before adding (docs/permissions.md: contribute on each asset, Home never,
 * 100 assets to 100 collections), made first here so a person learns which asset stands in the
 * way before anything is sent. Main still checks: its refusal is shown if it comes anyway.
 */
export function checkAddition(assets: AssetView[], collectionCount: number): AdditionCheck {
  const addable: AssetView[] = []
  const refused: Refused[] = []
  for (const asset of assets) {
    const reason = refusal(asset)
    if (reason) refused.push({ asset, reason })
    else addable.push(asset)
  }
  let overLimit: string | null = null
  if (addable.length > LIMITS.assetsPerAdd) {
    overLimit = `${addable.length} assets are selected; at most ${LIMITS.assetsPerAdd} can be added at once. Select fewer and try again.`
  } else if (collectionCount > LIMITS.collectionsPerAdd) {
    overLimit = `${collectionCount} collections are chosen; assets can be added to at most ${LIMITS.collectionsPerAdd} at once.`
  }
  return { addable, refused, overLimit }
}

function refusal(asset: AssetView): string | null {
  if (isHome(asset)) return 'Home cannot be added to a collection: that would share the whole library.'
  const need = ASSET_OPERATIONS.addToCollections
  if (atLeast(asset.level, need)) return null
  const have = asset.access === 'collection' ? 'you see it only through a collection' : `you have ${asset.level} access`
  return `Adding needs ${need} access; ${have}.`
}
