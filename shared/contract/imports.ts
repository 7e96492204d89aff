import { z } from 'zod'
import type { AssetView } from '../views.js'
import { command, query } from './define.js'
import { idSchema, jobIdSchema, pathSchema } from './common.js'

/** What to do when an imported file's name is taken in its folder. */
export const CONFLICT_POLICIES = ['keepBoth', 'replace', 'skip'] as const

const sources = z.array(pathSchema).min(1).max(1000)

export interface ImportReport {
  imported: number
  replaced: number
  foldersCreated: number
  bytes: number
  skipped: { path: string; reason: string }[]
  /** Files and folders whose names on disk are not valid UTF-8, imported under the name given here. */
  renamed: { path: string; name: string }[]
  /** The top-level assets the import created or reused. */
  top: AssetView[]
}

export const importChannels = {
  /** Looks before importing: how much, what clashes (so the user can choose a policy), what will be skipped and why. */
  'imports.plan': query<{
    files: number
    folders: number
    bytes: number
    /**
     * Names already taken in the library (`name` is where), and names in one source folder that
     * differ only in case or Unicode form (`clashesWith` is the one before it in name order,
     * `name` where that one goes). See docs/imports.md for what each policy does with them.
     */
    conflicts: { path: string; name: string; clashesWith?: string }[]
    skipped: { path: string; reason: string }[]
    renamed: { path: string; name: string }[]
  }>()(z.object({ sources, targetFolderId: idSchema }).strict()),
  /**
   * Imports files and whole folders from disk as a job (progress on `jobs.progress`, cancel
   * with jobs.cancel), keeping the folder structure. Name clashes follow `onConflict`:
   * keep both (a suffixed name), replace (a new version of the existing file), or skip.
   * `jobId` names the job, so the caller can follow it before the report comes.
   */
  'imports.start': command<ImportReport>()(
    z.object({ sources, targetFolderId: idSchema, onConflict: z.enum(CONFLICT_POLICIES).optional(), jobId: jobIdSchema.optional() }).strict(),
  ),
}
