/**
 * Assets dragged out of the centre carry their ids as JSON under this type, e.g.
 * `["a1","a2"]` (written by browse/dragAssets.ts when a drag starts). A collection in the
 * sidebar takes such a drop; other drags (files from the desktop, text) do not carry the
 * type and are ignored there: files cannot be uploaded into a collection (seed).
 */
export const ASSET_DRAG_TYPE = 'application/x-trove-assets'

/** During dragover only the types can be read, not the data. */
export function carriesAssets(data: DataTransfer | null): boolean {
  return !!data && [...data.types].includes(ASSET_DRAG_TYPE)
}

export function readDraggedAssets(data: DataTransfer | null): string[] {
  if (!data) return []
  try {
    const ids: unknown = JSON.parse(data.getData(ASSET_DRAG_TYPE) || '[]')
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []
  } catch {
    return []
  }
}
