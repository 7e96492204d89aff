/**
 * Whether a view is of Home: the one asset whose path is `/`. A null parentId cannot tell,
 * since an asset whose folder the caller cannot view has none either (docs/permissions.md).
 */
export function isHome(asset: { path: string }): boolean {
  return asset.path === '/'
}
