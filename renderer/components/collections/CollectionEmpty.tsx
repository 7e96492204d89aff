import { useTrove } from '../../store/index.js'
import { CollectionIcon } from '../actionIcons.js'
import { canAddTo } from './collectionActions.js'

/** An empty collection says how it fills: files cannot be uploaded into a collection (docs/permissions.md), only added from the library. */
export function CollectionEmpty() {
  const collection = useTrove((s) => s.collections.find((c) => c.id === s.collectionScope?.collectionId))
  if (!collection) return null
  return (
    <section className="empty" aria-labelledby="collection-empty-title">
      <div className="empty-icon">
        <CollectionIcon size={40} />
      </div>
      <h2 id="collection-empty-title">“{collection.name}” is empty</h2>
      {canAddTo(collection) ? (
        <p>
          Add files and folders from the library: select them, right-click and choose “Add to media collections”, or drag them onto the collection in the
          sidebar. They stay where they are; the collection only groups them.
        </p>
      ) : (
        <p>Nothing has been added to it yet. Someone who can contribute to it can add files and folders from the library.</p>
      )}
    </section>
  )
}
