import type { Id } from '../../../shared/domain.js'
import { useAssetViews } from './useAssetViews.js'

/**
 * Seed: "If you remove an asset from a media collection, it may still be associated with media
 * collections if its parent is added to them." After a removal main names those assets and the
 * folder they are reached through; this says so in words.
 */
export function StillReachable({ items, sentence }: { items: { assetId: Id; viaAssetId: Id; key?: string }[]; sentence(asset: string, via: string, index: number): string }) {
  const { assets } = useAssetViews([...new Set(items.flatMap((i) => [i.assetId, i.viaAssetId]))])
  const name = (id: Id, otherwise: string) => {
    const a = assets.find((x) => x.id === id)
    return a ? `“${a.name}”` : otherwise
  }
  return (
    <div className="still-reachable" role="note" aria-label="Still in the collection">
      <ul>
        {items.map((item, i) => (
          <li key={item.key ?? item.assetId}>{sentence(name(item.assetId, 'An item'), name(item.viaAssetId, 'a folder'), i)}</li>
        ))}
      </ul>
    </div>
  )
}
