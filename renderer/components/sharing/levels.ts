import { LEVELS, levelRank, type Level } from '../../../shared/domain.js'

/** The seed's names for the three levels. */
export const LEVEL_LABELS: Record<Level, string> = {
  view: 'Can view',
  contribute: 'Can contribute',
  manage: 'Can manage',
}

/**
 * The levels that may be offered to a subject who already inherits `floor` from a parent
 * folder: a grant on a subfolder can raise that level but not lower it (seed: "it cannot be lowered").
 */
export function levelsFrom(floor: Level | null): Level[] {
  return floor === null ? [...LEVELS] : LEVELS.filter((l) => levelRank[l] >= levelRank[floor])
}

export function highest(levels: Level[]): Level | null {
  return levels.reduce<Level | null>((best, l) => (best === null || levelRank[l] > levelRank[best] ? l : best), null)
}
