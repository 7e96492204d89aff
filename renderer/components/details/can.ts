import { ASSET_OPERATIONS, atLeast, type AssetOperation } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'

/** Whether the permission table (docs/permissions.md) lets the caller do this on the asset, at the level the listing gave. */
export function can(asset: AssetView, op: AssetOperation): boolean {
  return atLeast(asset.level, ASSET_OPERATIONS[op])
}
