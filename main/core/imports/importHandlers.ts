import type { ActivityPart, AssetRecord, FolderRecord, Id } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { ImportReport } from '../../../shared/contract/imports.js'
import type { AssetView } from '../../../shared/views.js'
import type { importChannels } from '../../../shared/contract/imports.js'
import type { Core, Ctx, HandlersOf } from '../context.js'
import { requireFolder } from '../access.js'
import { assetView, visiblePathOf } from '../assets/views.js'
import { freeCopyName } from '../assets/tree.js'
import { stageFile, storeStaged, versionFrom, type StagedContent } from '../files/intake.js'
import { shownPath, walkSources, type PlannedEntry } from './walk.js'
import { nameKey } from '../../../shared/names.js'
import { mention, say } from '../activity/summary.js'

/**
 * Files read and copied in at once by one import, so reads, hashing and writes overlap: enough
 * to fill every copy thread's queue (copyPool.ts), which the pool's head slots bound in turn
 * (docs/imports.md).
 */
const FILES_AT_ONCE = 256
/**
 * A batch is made durable and committed when it holds this many files or bytes. The first is
 * small, so that an import shows progress at once; each next one may hold twice as much, up
 * to the most, since every batch's flush costs the same few syncs and a commit whatever it
 * holds (docs/imports.md).
 */
const FIRST_BATCH = { files: 64, bytes: 16 * 1024 * 1024 }
const MOST_BATCH = { files: 4096, bytes: 256 * 1024 * 1024 }

interface StagedFile {
  kind: 'file'
  entry: PlannedEntry
  parentId: Id
  name: string
  replaces: boolean
  content: StagedContent
}

/** A folder the import makes: recorded with the batch that holds it, before anything in it. */
interface StagedFolder {
  kind: 'folder'
  entry: PlannedEntry
  record: FolderRecord
}

type Staged = StagedFile | StagedFolder

const keyOf = (segments: string[]) => segments.join('\u0000')

function existingChild(core: Core, parentId: Id, name: string): AssetRecord | undefined {
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

export const importHandlers: HandlersOf<typeof importChannels> = {
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

  'imports.start': async (ctx, { sources, targetFolderId, onConflict = 'keepBoth', jobId }) => {
    checkSources(ctx, sources)
    const target = requireFolder(ctx, targetFolderId, 'upload')
    const title = sources.length === 1 ? `Import ${sources[0].split(/[\\/]/).pop()}` : `Import ${sources.length} items`
    const { result } = ctx.core.jobs.run({ kind: 'import', title, ownerId: ctx.actor.id, sessionId: ctx.session.id, id: jobId }, async (jc) => {
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
      /**
       * Folders made by this import and not yet committed, each with the nearest folder that
       * is: a new folder has no grants of its own, so what may be put in it is what may be put
       * there. Folders are recorded with the batch of files that follows them rather than one
       * commit (and one fsync) each, which cost more than the files in a tree of small ones.
       */
      const pendingFolders = new Map<Id, Id>()
      /**
       * Folders found open to upload since the import last awaited: the store cannot change
       * in between, so the answer cannot either. Asked again after every await, so a grant
       * revoked during a long import stops it, without a permission check per file.
       */
      let mayUploadSince = new Set<Id>()
      const mayUploadInto = (parentId: Id) => {
        const folder = pendingFolders.get(parentId) ?? parentId
        if (mayUploadSince.has(folder)) return
        requireFolder(ctx, folder, 'upload')
        mayUploadSince.add(folder)
      }
      /** What the library holds under that name; nothing in a folder it has not recorded yet. */
      const existingIn = (parentId: Id, name: string) => (pendingFolders.has(parentId) ? undefined : existingChild(ctx.core, parentId, name))
      let done = 0
      /** Files being copied in; `slotFree` resolves when one is done. */
      let running = 0
      let slotFree: (() => void) | null = null
      let failure: unknown = null
      /**
       * The name itself when free (in the library and among the names this import gave out),
       * else its first free "(copy)" name. "Keep both" in a folder that has no free name left
       * skips the entry (and what is inside it), saying why.
       */
      const keptBothName = (parentId: Id, name: string, entry: PlannedEntry, alsoTaken?: Set<string>): string | null => {
        // The usual case in a folder the import made: nothing there but what it gave out.
        if (!alsoTaken && pendingFolders.has(parentId) && !givenIn(parentId).has(nameKey(name))) return name
        try {
          return freeCopyName(ctx.core, parentId, name, alsoTaken ? new Set([...givenIn(parentId), ...alsoTaken]) : givenIn(parentId))
        } catch (error) {
          if (!(error instanceof AppError)) throw error
          report.skipped.push({ path: shownPath(entry.source), reason: error.message })
          return null
        }
      }
      /** Files copied in and described, waiting for their batch's flush and commit. */
      let batch: Staged[] = []
      let batchBytes = 0
      let batchLimit = FIRST_BATCH
      let flushing: Promise<void> = Promise.resolve()
      /**
       * Makes a batch durable and records it: every blob flushed in one pass, moved in under
       * its hash, the folders they went into flushed, then one commit for all their records. Only then are those files counted as imported, so what
       * the import reports done is durable, and a kill before leaves only temp files, which
       * the next open removes. Batches commit one after another, in the order they filled.
       */
      const commitBatch = async (items: Staged[]): Promise<void> => {
        const files = items.filter((item): item is StagedFile => item.kind === 'file')
        try {
          await storeStaged(ctx.core, files.map((item) => item.content))
          mayUploadSince = new Set()
          // No await between these checks and the commit: the names found free are the names used.
          const assets: AssetRecord[] = []
          const counted = { imported: 0, replaced: 0, bytes: 0, folders: 0 }
          const tops: Id[] = []
          const taken = new Map<string, Set<string>>()
          const freeNameAtCommit = (parentId: Id, name: string, entry: PlannedEntry): string | null => {
            // Taken since it was given out only if someone else made that name meanwhile.
            const freeName = existingIn(parentId, name) ? keptBothName(parentId, name, entry, taken.get(parentId)) : name
            if (freeName !== null) taken.set(parentId, (taken.get(parentId) ?? new Set()).add(nameKey(freeName)))
            return freeName
          }
          for (const item of items) {
            if (item.kind === 'folder') {
              const { record, entry } = item
              mayUploadInto(record.parentId!)
              // Its files refer to it by id: under another name it is still their folder.
              const freeName = freeNameAtCommit(record.parentId!, record.name, entry)
              assets.push(freeName === null || freeName === record.name ? record : { ...record, name: freeName })
              counted.folders++
              if (entry.segments.length === 1) tops.push(record.id)
              continue
            }
            const { entry, parentId, name, replaces, content } = item
            // Checked for every file: a grant revoked during a long import stops it from going on.
            mayUploadInto(parentId)
            const now = ctx.core.clock()
            const current = existingIn(parentId, name)
            if (current?.kind === 'file' && replaces) {
              const number = Math.max(...current.versions.map((v) => v.number)) + 1
              assets.push({ ...current, versions: [...current.versions, versionFrom(content, number, ctx.actor.id, now)], currentVersion: number, updatedAt: now })
              counted.replaced++
            } else {
              const freeName = freeNameAtCommit(parentId, name, entry)
              if (freeName === null) continue
              assets.push({
                id: ctx.core.newId(), kind: 'file', name: freeName, parentId,
                createdBy: ctx.actor.id, createdAt: now, updatedAt: now, versions: [versionFrom(content, 1, ctx.actor.id, now)],
                currentVersion: 1, tags: [], metadata: {}, focus: null,
              })
              counted.imported++
            }
            if (entry.segments.length === 1) tops.push(assets[assets.length - 1].id)
            counted.bytes += content.size
          }
          const committed = assets.length ? ctx.commit({ op: 'imports.file', put: { assets }, activity: null }) : undefined
          // In the library from here on (a commit applies at once): what is in them is asked of it.
          for (const item of items) if (item.kind === 'folder') pendingFolders.delete(item.record.id)
          await committed
          report.imported += counted.imported
          report.replaced += counted.replaced
          report.bytes += counted.bytes
          report.foldersCreated += counted.folders
          topIds.push(...tops)
        } finally {
          await Promise.all(files.map((item) => item.content.release()))
        }
        done += files.length
        jc.progress({ done, bytesDone: report.bytes })
      }
      const flush = (): Promise<void> => {
        const items = batch
        batch = []
        batchBytes = 0
        batchLimit = { files: Math.min(batchLimit.files * 2, MOST_BATCH.files), bytes: Math.min(batchLimit.bytes * 2, MOST_BATCH.bytes) }
        if (items.length === 0) return flushing
        flushing = flushing.then(() => commitBatch(items))
        return flushing
      }
      const importFile = async (entry: PlannedEntry, parentId: Id, name: string, replaces: boolean): Promise<void> => {
        let content: StagedContent
        try {
          content = await stageFile(ctx.core, ctx.session, entry.source, name, jc.signal, entry.size)
        } catch (error) {
          if (jc.signal.aborted) throw error
          report.skipped.push({ path: shownPath(entry.source), reason: error instanceof AppError ? error.message : `it cannot be read (${(error as Error).message})` })
          done++
          return
        }
        if (failure || jc.signal.aborted) {
          await content.release()
          return
        }
        batch.push({ kind: 'file', entry, parentId, name, replaces, content })
        batchBytes += content.size
        if (batch.length >= batchLimit.files || batchBytes >= batchLimit.bytes) await flush()
      }
      jc.progress({ done, total: fileCount, bytesDone: 0, bytesTotal })
      for (const entry of entries) {
        // Stop launching, but let what is in flight settle before the job reports its end.
        if (failure || jc.signal.aborted) break
        const parentId = parentFolderOf(entry, target.id, folders)
        if (parentId === undefined) continue // its folder was skipped, and the reason given there
        // Checked for every entry: a grant revoked during a long import stops it from going on.
        mayUploadInto(parentId)
        const name = entry.segments[entry.segments.length - 1]
        const existing = existingIn(parentId, name)
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
          pendingFolders.set(folder.id, pendingFolders.get(parentId) ?? parentId)
          batch.push({ kind: 'folder', entry, record: folder })
          folders.set(keyOf(entry.segments), folder.id)
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
        while (running >= FILES_AT_ONCE) {
          await new Promise<void>((resolve) => (slotFree = resolve))
          mayUploadSince = new Set()
        }
        if (failure) break
        running++
        void importFile(entry, parentId, given, replaces)
          .catch((error: unknown) => {
            failure ??= error
          })
          .finally(() => {
            running--
            slotFree?.()
            slotFree = null
          })
      }
      while (running > 0) await new Promise<void>((resolve) => (slotFree = resolve))
      if (failure || jc.signal.aborted) {
        // What was staged but not committed is dropped; committed batches stay, whole.
        await Promise.all(batch.map((item) => (item.kind === 'file' ? item.content.release() : undefined)))
        batch = []
        await flushing.catch(() => undefined)
      } else {
        await flush().catch((error: unknown) => {
          failure ??= error
        })
      }
      jc.signal.throwIfAborted()
      if (failure) throw failure
      report.top = topIds.flatMap((id): AssetView[] => (ctx.core.store.tables.assets.has(id) ? [assetView(ctx.core, ctx.actor.id, ctx.core.store.tables.assets.get(id)!)] : []))
      return report
    })
    const finish = async (summary: ActivityPart[]) =>
      ctx.commit({ op: 'imports.done', activity: { ids: [target.id], summary } })
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
