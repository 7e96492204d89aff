import { LEVELS, levelRank, type Id, type Level } from '../../../shared/domain.js'
import type { SharingView } from '../../../shared/views.js'

/** The names the app shows for the three levels, as docs/permissions.md gives them. */
export const LEVEL_LABELS: Record<Level, string> = {
  view: 'Can view',
  contribute: 'Can contribute',
  manage: 'Can manage',
}

/**
 * The levels that may be offered to a subject who already inherits `floor` from a parent
 * folder: a grant on a subfolder can raise that level but not lower it (docs/permissions.md).
 */
export function levelsFrom(floor: Level | null): Level[] {
  return floor === null ? [...LEVELS] : LEVELS.filter((l) => levelRank[l] >= levelRank[floor])
}

export function highest(levels: Level[]): Level | null {
  return levels.reduce<Level | null>((best, l) => (best === null || levelRank[l] > levelRank[best] ? l : best), null)
}

/** The highest level this same subject inherits from a parent folder, if any. */
export function inheritedFloor(view: SharingView | null, subjectId: Id): Level | null {
  return highest((view?.inherited ?? []).filter((g) => g.subjectId === subjectId).map((g) => g.level))
}
