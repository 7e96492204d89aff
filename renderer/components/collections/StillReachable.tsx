import type { Id } from '../../../shared/domain.js'
import { CloseRow } from '../dialogs/CloseRow.js'
import { useAssetViews } from './useAssetViews.js'

type Items = { assetId: Id; viaAssetId: Id; key?: string }[]
type Sentence = (asset: string, via: string, index: number) => string

/**
 * An asset removed from a collection is still in it when a folder above it was added too
 * (docs/permissions.md, what a collection holds). After a removal main names those assets and the
 * folder they are reached through; this says so in words.
 */
export function StillReachable({ items, sentence }: { items: Items; sentence: Sentence }) {
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

/**
 * What a removal from collections did, when some of it is still reachable through a folder: the
 * dialog stays open only to say so (when nothing is, it closes and the notice tells what happened).
 */
export function RemovalResult({ removed, items, sentence }: { removed: string; items: Items; sentence: Sentence }) {
  return (
    <>
      <p role="status">{removed} Nothing was deleted from the library.</p>
      {items.length > 0 && <StillReachable items={items} sentence={sentence} />}
      <CloseRow label="Done" primary />
    </>
  )
}
