import type { ActivityPart, FileRecord, FolderRecord, Id } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { ImportReport } from '../../../shared/contract/imports.js'
import type { AssetView } from '../../../shared/views.js'
import type { Core, Ctx, HandlerMap } from '../context.js'
import { requireFolder } from '../access.js'
import { assetView, visiblePathOf } from '../assets/views.js'
import { freeCopyName } from '../assets/tree.js'
import { storeContent, versionFrom } from '../files/intake.js'
import { shownPath, walkSources, type PlannedEntry } from './walk.js'
import { nameKey } from '../../../shared/names.js'
import { mention, say } from '../activity/summary.js'

type ImportChannels = 'imports.plan' | 'imports.start'

/** Files copied in at once by one import: more fsyncs in flight let the file system merge their flushes (16 measured 1.3x faster than 4 on 1,000 files of 1 MB; 32 gained little more). */
const FILES_AT_ONCE = 16

const keyOf = (segments: string[]) => segments.join('\u0000')

function existingChild(core: Core, parentId: Id, name: string) {
  const id = core.store.indexes.childByName.get(parentId)?.get(nameKey(name))
  return id === undefined ? undefined : core.store.tables.assets.get(id)
}

function checkSources(ctx: Ctx, sources: string[]): void {
  for (const source of sources) {
    if (!ctx.session.mayUsePath(source, 'read')) {
      throw new AppError('FORBIDDEN', 'This window may not read files by path; choose them with the file or folder picker.', { sourcePath: source })
    }
  }
}

/**
 * Entries whose name clashes with an earlier entry's in the same source folder, differing only
 * in case or Unicode form (FAQ.html and faq.html), each with the earlier one. Two folders
 * are no clash: they merge, as a folder merges into a same-named library folder.
 */
function sourceClashes(entries: PlannedEntry[]): Map<PlannedEntry, PlannedEntry> {
  const first = new Map<string, PlannedEntry>()
  const clashes = new Map<PlannedEntry, PlannedEntry>()
  for (const entry of entries) {
    const key = entry.segments.map(nameKey).join('\u0000')
    const earlier = first.get(key)
    if (!earlier) first.set(key, entry)
    else if (earlier.kind === 'file' || entry.kind === 'file') clashes.set(entry, earlier)
  }
  return clashes
}

function clashReason(earlier: PlannedEntry): string {
  return `its name differs only in case or Unicode form from ${shownPath(earlier.source)}, which comes first in name order and is imported under that name`
}

/** The library folder an entry lands in, when its parent already exists there (a folder import merges into a same-named folder). */
function parentFolderOf(entry: PlannedEntry, targetId: Id, folders: Map<string, Id>): Id | undefined {
  return entry.segments.length === 1 ? targetId : folders.get(keyOf(entry.segments.slice(0, -1)))
}

export const importHandlers: HandlerMap<ImportChannels> = {
  'imports.plan': async (ctx, { sources, targetFolderId }) => {
    checkSources(ctx, sources)
    const target = requireFolder(ctx, targetFolderId, 'upload')
    const { entries, skipped, renamed } = await walkSources(sources)
    const folders = new Map<string, Id>()
    const conflicts: { path: string; name: string; clashesWith?: string }[] = []
    const clashes = sourceClashes(entries)
    const targetPath = visiblePathOf(ctx.core, ctx.actor.id, target.id).replace(/\/$/, '')
    let files = 0
    let bytes = 0
    for (const entry of entries) {
      if (entry.kind === 'file') {
        files++
        bytes += entry.size
      }
      const earlier = clashes.get(entry)
      if (earlier) {
        conflicts.push({ path: shownPath(entry.source), name: `${targetPath}/${earlier.segments.join('/')}`, clashesWith: shownPath(earlier.source) })
        continue
      }
      const parentId = parentFolderOf(entry, target.id, folders)
      if (parentId === undefined) continue
      const existing = existingChild(ctx.core, parentId, entry.segments[entry.segments.length - 1])
      if (entry.kind === 'folder' && existing?.kind === 'folder') folders.set(keyOf(entry.segments), existing.id)
      else if (existing) conflicts.push({ path: shownPath(entry.source), name: visiblePathOf(ctx.core, ctx.actor.id, existing.id) })
    }
    return { files, folders: entries.length - files, bytes, conflicts, skipped, renamed }
  },

  'imports.start': async (ctx, { sources, targetFolderId, onConflict = 'keepBoth' }) => {
    checkSources(ctx, sources)
    const target = requireFolder(ctx, targetFolderId, 'upload')
    const title = sources.length === 1 ? `Import ${sources[0].split(/[\\/]/).pop()}` : `Import ${sources.length} items`
    const { result } = ctx.core.jobs.run({ kind: 'import', title, ownerId: ctx.actor.id, sessionId: ctx.session.id }, async (jc) => {
      const { entries, skipped, renamed } = await walkSources(sources, jc.signal)
      const fileCount = entries.filter((e) => e.kind === 'file').length
      const bytesTotal = entries.reduce((n, e) => n + e.size, 0)
      const report: ImportReport = { imported: 0, replaced: 0, foldersCreated: 0, bytes: 0, skipped, renamed, top: [] }
      const clashes = sourceClashes(entries)
      const folders = new Map<string, Id>()
      /**
       * Names given out in each library folder by this import, in source order, before the
       * files that take them are stored (several at once): which of two clashing names gets
       * the plain name must not depend on which copies in first.
       */
      const given = new Map<Id, Set<string>>()
      const givenIn = (parentId: Id) => given.get(parentId) ?? given.set(parentId, new Set()).get(parentId)!
      const topIds: Id[] = []
      let done = 0
      const running = new Set<Promise<void>>()
      let failure: unknown = null
      /**
       * The name itself when free (in the library and among the names this import gave out),
       * else its first free "(copy)" name. "Keep both" in a folder that has no free name left
       * skips the entry (and what is inside it), saying why.
       */
      const keptBothName = (parentId: Id, name: string, entry: PlannedEntry): string | null => {
        try {
          return freeCopyName(ctx.core, parentId, name, givenIn(parentId))
        } catch (error) {
          if (!(error instanceof AppError)) throw error
          report.skipped.push({ path: shownPath(entry.source), reason: error.message })
          return null
        }
      }
      const importFile = async (entry: PlannedEntry, parentId: Id, name: string, replaces: boolean): Promise<void> => {
        let content
        try {
          content = await storeContent(ctx.core, ctx.session, { sourcePath: entry.source }, name, jc.signal)
        } catch (error) {
          if (jc.signal.aborted) throw error
          report.skipped.push({ path: shownPath(entry.source), reason: error instanceof AppError ? error.message : `it cannot be read (${(error as Error).message})` })
          done++
          return
        }
        try {
          // No await between this check and the commit: the name found free is the name used.
          requireFolder(ctx, parentId, 'upload')
          const now = ctx.core.clock()
          const current = existingChild(ctx.core, parentId, name)
          if (current?.kind === 'file' && replaces) {
            const number = Math.max(...current.versions.map((v) => v.number)) + 1
            const next: FileRecord = { ...current, versions: [...current.versions, versionFrom(content, number, ctx.actor.id, now)], currentVersion: number, updatedAt: now }
            await ctx.commit('imports.file', { put: { assets: [next] }, activity: null })
            report.replaced++
            if (entry.segments.length === 1) topIds.push(next.id)
          } else {
            // Taken since it was given out only if someone else made that name meanwhile.
            const freeName = current ? keptBothName(parentId, name, entry) : name
            if (freeName === null) {
              done++
              return
            }
            const file: FileRecord = {
              id: ctx.core.newId(), kind: 'file', name: freeName, parentId,
              createdBy: ctx.actor.id, createdAt: now, updatedAt: now, versions: [versionFrom(content, 1, ctx.actor.id, now)],
              currentVersion: 1, tags: [], metadata: {}, focus: null,
            }
            await ctx.commit('imports.file', { put: { assets: [file] }, activity: null })
            report.imported++
            if (entry.segments.length === 1) topIds.push(file.id)
          }
          report.bytes += content.size
        } finally {
          content.release()
        }
        done++
        jc.progress({ done, bytesDone: report.bytes })
      }
      jc.progress({ done, total: fileCount, bytesDone: 0, bytesTotal })
      for (const entry of entries) {
        // Stop launching, but let what is in flight settle before the job reports its end.
        if (failure || jc.signal.aborted) break
        const parentId = parentFolderOf(entry, target.id, folders)
        if (parentId === undefined) continue // its folder was skipped, and the reason given there
        // Checked for every entry: a grant revoked during a long import stops it from going on.
        requireFolder(ctx, parentId, 'upload')
        const name = entry.segments[entry.segments.length - 1]
        const existing = existingChild(ctx.core, parentId, name)
        const earlier = clashes.get(entry)
        // Under replace and skip, the first of two clashing source names is imported and the later skipped: neither policy lets one file of an import replace or hide another.
        if (earlier && onConflict !== 'keepBoth') {
          report.skipped.push({ path: shownPath(entry.source), reason: clashReason(earlier) })
          if (entry.kind === 'file') done++
          continue
        }
        if (entry.kind === 'folder') {
          if (existing?.kind === 'folder' && !earlier) {
            folders.set(keyOf(entry.segments), existing.id)
            if (entry.segments.length === 1) topIds.push(existing.id)
            continue
          }
          const freeName = keptBothName(parentId, name, entry)
          if (freeName === null) continue
          const now = ctx.core.clock()
          const folder: FolderRecord = {
            id: ctx.core.newId(), kind: 'folder', name: freeName, parentId,
            createdBy: ctx.actor.id, createdAt: now, updatedAt: now,
          }
          givenIn(parentId).add(nameKey(folder.name))
          await ctx.commit('imports.folder', { put: { assets: [folder] }, activity: null })
          folders.set(keyOf(entry.segments), folder.id)
          if (entry.segments.length === 1) topIds.push(folder.id)
          report.foldersCreated++
          continue
        }
        if (existing && (onConflict === 'skip' || (onConflict === 'replace' && existing.kind !== 'file'))) {
          report.skipped.push({ path: shownPath(entry.source), reason: `${visiblePathOf(ctx.core, ctx.actor.id, existing.id)} already exists` })
          done++
          continue
        }
        const replaces = onConflict === 'replace' && existing?.kind === 'file'
        // The name is given out here, in source order: the first of FAQ.html and faq.html keeps its name under keep both.
        const given = replaces ? name : keptBothName(parentId, name, entry)
        if (given === null) {
          done++
          continue
        }
        givenIn(parentId).add(nameKey(given))
        // Several files stream in at once, so the file system can merge their flushes; folders
        // are still created in order, before anything inside them.
        while (running.size >= FILES_AT_ONCE) await Promise.race(running)
        if (failure) break
        const task = importFile(entry, parentId, given, replaces)
          .catch((error: unknown) => {
            failure ??= error
          })
          .finally(() => running.delete(task))
        running.add(task)
      }
      await Promise.all(running)
      jc.signal.throwIfAborted()
      if (failure) throw failure
      report.top = topIds.flatMap((id): AssetView[] => (ctx.core.store.tables.assets.has(id) ? [assetView(ctx.core, ctx.actor.id, ctx.core.store.tables.assets.get(id)!)] : []))
      return report
    })
    const finish = async (summary: ActivityPart[]) =>
      ctx.commit('imports.done', { activity: { action: 'imports.start', ids: [target.id], summary } })
    try {
      const report = await result
      await finish(say`imported ${report.imported} file(s) and ${report.foldersCreated} folder(s) into ${mention(target)}${report.replaced ? `, ${report.replaced} replaced as new versions` : ''}${report.skipped.length ? `, ${report.skipped.length} skipped` : ''}`)
      return report
    } catch (error) {
      // What was imported before a cancel or a failure is complete and stays; the log says so.
      await finish(say`an import into ${mention(target)} stopped: ${(error as Error).message}`).catch(() => undefined)
      throw error
    }
  },
}
