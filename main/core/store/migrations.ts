import { AppError } from '../../../shared/errors.js'
import type { SnapshotData } from './snapshot.js'

/**
 * 3: a manifest that also names delta segments (docs/store.md, "Compaction"): written only
 * while it names one, so that a version that does not know them refuses the library rather
 * than load a replaced record beside its replacement. 2: library.json is a manifest of
 * segment files. 1: library.json held every record in one document; such a library is
 * converted when opened.
 */
export const CURRENT_SCHEMA_VERSION = 3
/** A manifest that names no delta segment (what a full rewrite, a conversion and the bench's generator write). */
export const SEGMENTS_SCHEMA_VERSION = 2
/** The last schema of the one-document format: older documents are stepped up to it first. */
export const LEGACY_SCHEMA_VERSION = 1

/**
 * Step `n` turns a schema-`n` snapshot into schema `n + 1`. Steps work on the raw JSON so
 * that they never depend on today's record types.
 */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>
export const MIGRATIONS: Record<number, Migration> = {}

export function migrate(raw: SnapshotData, steps: Record<number, Migration> = MIGRATIONS, target = CURRENT_SCHEMA_VERSION): SnapshotData {
  let data = raw as unknown as Record<string, unknown>
  for (let v = raw.schemaVersion; v < target; v++) {
    const step = steps[v]
    if (!step) {
      throw new AppError('LIBRARY_CORRUPT', `No migration from library schema ${v} to ${v + 1}: this version of Trove cannot open the library.`, {
        schemaVersion: raw.schemaVersion,
        supported: target,
      })
    }
    data = { ...step(data), schemaVersion: v + 1 }
  }
  return data as unknown as SnapshotData
}
