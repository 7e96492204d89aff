import type { AssetView } from '../../../shared/views.js'
import type { Id } from '../../../shared/domain.js'
import type { ZipTarget } from '../../store/jobsSlice.js'

/** Browser mode's download route (main/server/routes/download.ts): ids joined by commas, or one collection. */
export function zipUrl(target: ZipTarget): string {
  const query = 'collectionId' in target ? `collectionId=${encodeURIComponent(target.collectionId)}` : `assetIds=${target.assetIds.map(encodeURIComponent).join(',')}`
  return `/download/zip?${query}`
}

/** The name main gives the zip, offered in the save dialog: the item's, the collection's, or a count. */
export function zipName(target: ZipTarget, byId: Record<Id, AssetView>, collectionName?: string): string {
  if ('collectionId' in target) return `${collectionName ?? 'Collection'}.zip`
  if (target.assetIds.length !== 1) return `${target.assetIds.length} items.zip`
  const asset = byId[target.assetIds[0]]
  if (!asset) return 'Download.zip'
  return `${asset.parentId === null ? 'Home' : asset.name}.zip`
}

/** Starts the browser's own download of the route: it shows the browser's progress and keeps the file. */
export function startBrowserDownload(url: string, name: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
}
