import type { ZipTarget } from '../../store/jobsSlice.js'

/** Browser mode's download route (main/server/routes/download.ts): ids joined by commas, or one collection. */
export function zipUrl(target: ZipTarget): string {
  const query = 'collectionId' in target ? `collectionId=${encodeURIComponent(target.collectionId)}` : `assetIds=${target.assetIds.map(encodeURIComponent).join(',')}`
  return `/download/zip?${query}`
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
