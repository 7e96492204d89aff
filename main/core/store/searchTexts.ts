import type { AssetRecord } from '../../../shared/domain.js'

/**
 * The texts besides tags a search looks in, lower-cased: the name, and for a file its custom
 * metadata values and its current version's embedded keywords, title, caption, camera, lens
 * and copyright. Search matches against exactly these (docs/browse.md), so the index and
 * the match never disagree.
 */
export function searchTexts(asset: AssetRecord, lowerName: string): string[] {
  if (asset.kind !== 'file') return [lowerName]
  const out = [lowerName]
  for (const value of Object.values(asset.metadata ?? {})) {
    if (Array.isArray(value)) for (const v of value) out.push(String(v).toLowerCase())
    else if (typeof value === 'string' || typeof value === 'number') out.push(String(value).toLowerCase())
  }
  const embedded = asset.versions.find((v) => v.number === asset.currentVersion)?.embedded
  if (!embedded) return out
  for (const t of [...(embedded.keywords ?? []), embedded.title, embedded.caption, embedded.camera, embedded.lens, embedded.copyright]) {
    if (t) out.push(t.toLowerCase())
  }
  return out
}

/** What the index takes of an asset: its search texts (the lower-cased name first) and a file's tags. */
export interface SearchDoc {
  doc: string[]
  tags: readonly string[] | null
}

export function searchDoc(asset: AssetRecord): SearchDoc {
  return { doc: searchTexts(asset, asset.name.toLowerCase()), tags: asset.kind === 'file' ? asset.tags : null }
}

/**
 * What a column file keeps of an asset for search (docs/store.md, "Column files"): for a
 * file, its search texts besides the name and its tags, as JSON; null for a folder, whose
 * only text is its name.
 */
export function searchColumn(asset: AssetRecord): string | null {
  if (asset.kind !== 'file') return null
  return JSON.stringify([searchTexts(asset, '').slice(1), asset.tags])
}

/** The SearchDoc of an asset from its lower-cased name and its search column. */
export function searchDocFromColumn(lowerName: string, column: string | null): SearchDoc {
  if (column === null) return { doc: [lowerName], tags: null }
  const [extra, tags] = JSON.parse(column) as [string[], string[]]
  return { doc: [lowerName, ...extra], tags }
}
