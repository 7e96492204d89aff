import { useTrove } from '../../store/index.js'
import { NameDialog } from '../dialogs/NameDialog.js'
import { collectionNameProblem, MAX_NAME } from '../collections/collectionName.js'

/**
 * Save the search on show as a smart collection, or rename one (its owner only). The name is
 * checked as it is typed against this user's own smart collections; main has the last word.
 */
export function SmartNameDialog({ smartId }: { smartId?: string }) {
  const list = useTrove((s) => s.smartCollections)
  const userId = useTrove((s) => s.session?.user.id)
  const current = list.find((c) => c.id === smartId)
  const known = list.map((c) => ({ id: c.id, name: c.name, createdBy: c.ownerId }))

  return (
    <NameDialog
      title={smartId !== undefined ? 'Rename smart collection' : 'Save search as smart collection'}
      submitLabel={smartId !== undefined ? 'Rename' : 'Save'}
      initial={current?.name ?? useTrove.getState().search?.query.trim() ?? ''}
      hint={smartId !== undefined ? `Up to ${MAX_NAME} characters.` : 'It keeps the words and filters, and shows what they find whenever it is opened: new matches appear by themselves.'}
      problem={(name) => collectionNameProblem(name.trim(), known, userId, smartId)}
      save={async (name) => {
        const store = useTrove.getState()
        if (smartId === undefined) await store.saveSearchAs(name.trim())
        else if (name.trim() !== current?.name) await store.renameSmartCollection(smartId, name.trim())
      }}
    />
  )
}
