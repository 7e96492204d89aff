import type { Level } from '../../../shared/domain.js'
import type { AssetView, CollectionView, UserView } from '../../../shared/views.js'
import { useTrove } from '../../../renderer/store/index.js'
import { sessionOf } from '../support/views.js'

/** A collection as main describes it to a caller at `level`. */
export function collection(id: string, name: string, level: Level, assetCount = 0): CollectionView {
  return { id, name, createdBy: 'u-ada', createdAt: 1, updatedAt: 1, level, assetCount }
}

/** The store as it is once someone is signed in, with what the test says the session has already seen. */
export function signedIn(actor: UserView, seen: { assets?: AssetView[]; collections?: CollectionView[] } = {}): void {
  useTrove.setState({ status: 'ready', session: sessionOf(actor) })
  useTrove.getState().remember(seen.assets ?? [])
  if (seen.collections) useTrove.setState({ collections: seen.collections, collectionsLoaded: true })
}

/** `n` files in one folder, named file-1.pdf … file-n.pdf, at `level`. */
export function manyFiles(n: number, level: Level = 'manage'): AssetView[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `f${i + 1}`, kind: 'file' as const, name: `file-${i + 1}.pdf`, parentId: 'b', path: `/Brand/file-${i + 1}.pdf`, createdBy: 'u-ada',
    createdAt: 1, updatedAt: 1, level, access: 'grant' as const, size: 10, mime: 'application/pdf', currentVersion: 1, versionCount: 1,
  }))
}
