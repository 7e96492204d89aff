import { useTrove } from '../store/index.js'
import { linkTo } from './address.js'
import { formatRoute } from './routes.js'

/**
 * Puts a link on the clipboard. It names only the id: whoever opens it sees the asset where
 * they can reach it, or "not found or not shared with you" (docs/browse.md).
 */
export async function copyLink(kind: 'asset' | 'collection' | 'smart', id: string): Promise<void> {
  const link = linkTo(formatRoute({ place: { kind, id } }))
  try {
    await navigator.clipboard.writeText(link)
    useTrove.getState().announce('Link copied')
  } catch (error) {
    useTrove.getState().reportError(error)
  }
}

export const copyAssetLink = (id: string) => copyLink('asset', id)
export const copyCollectionLink = (id: string) => copyLink('collection', id)
export const copySmartLink = (id: string) => copyLink('smart', id)
