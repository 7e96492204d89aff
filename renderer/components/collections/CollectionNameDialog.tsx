import { useTrove } from '../../store/index.js'
import { NameDialog } from '../dialogs/NameDialog.js'
import { collectionNameProblem, MAX_NAME } from './collectionName.js'

/**
 * Create a collection (anyone may, docs/permissions.md), or rename one (manage). Problems with the
 * name are shown under the field as they appear; an empty name once the person tries to submit; a
 * duplicate main knows of (CONFLICT) when it answers.
 */
export function CollectionNameDialog({ collectionId }: { collectionId?: string }) {
  const collections = useTrove((s) => s.collections)
  const current = collections.find((c) => c.id === collectionId)
  const userId = useTrove((s) => s.session?.user.id)
  const creatorId = collectionId !== undefined ? current?.createdBy : userId

  return (
    <NameDialog
      title={collectionId !== undefined ? 'Rename media collection' : 'New media collection'}
      submitLabel={collectionId !== undefined ? 'Rename' : 'Create'}
      initial={current?.name}
      hint={`Up to ${MAX_NAME} characters, unique among collections.`}
      problem={(name) => collectionNameProblem(name.trim(), collections, creatorId, collectionId)}
      save={async (name) => {
        const store = useTrove.getState()
        if (collectionId === undefined) void store.openCollection((await store.createCollection(name.trim())).id)
        else if (name.trim() !== current?.name) await store.renameCollection(collectionId, name.trim())
      }}
    />
  )
}
