/**
 * `npm run bench -- media`: grid thumbnails of 200 new 3000×2000 photos, made by the app
 * against plain sharp making the same thumbnails from the same files in the same run.
 *
 * The machine is shared, so absolute times drift: the two sides alternate within each round
 * (plain, app, centre; then centre, app, plain), the ratio is taken per round, and medians are
 * reported. CPU time per thumbnail (process.cpuUsage counts sharp's threads too) is printed
 * as well: other work on the machine moves it less than wall time (though contention still
 * inflates it, by up to a quarter between runs here), and it bounds what idle cores could reach.
 */
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { openLibrary, type Library } from '../../main/core/index.js'
import { currentVersionOf } from '../../main/core/assets/tree.js'
import { gc, median, now } from './measure.js'
import type { Report } from './report.js'
import { generatePhotos, PHOTO_HEIGHT, PHOTO_WIDTH } from './thumbnailImages.js'
import { appPass, AT_ONCE, plainPass, type Pass, type Photo } from './thumbnailPasses.js'

const PHOTOS = 200
const ROUNDS = 5
const SEED = 20_240_601
const ADMIN = { name: 'Ada', email: 'ada@example.com' }

interface Timing {
  ms: number[]
  cpuMs: number[]
}

export async function thumbnailFigures(report: Report, root: string): Promise<{ thumbRatio: number; phashOverhead: number }> {
  report.heading(`Thumbnails: ${PHOTOS} new ${PHOTO_WIDTH}×${PHOTO_HEIGHT} JPEGs`)
  const generated = await generatePhotos(path.join(root, 'photos'), PHOTOS, SEED)
  const library = await openLibrary(path.join(root, 'library'), { admin: ADMIN })
  try {
    const admin = library.as(ADMIN.email)
    const photos = await importPhotos(library, path.join(root, 'photos'))
    const plain = plainPass('plain', photos, path.join(root, 'plain'), sharp.strategy.attention)
    const app = appPass(library, admin.session, photos)
    // The same without the perceptual hash: what hashing adds to each thumbnail.
    const noHash = appPass(library, admin.session, photos, { name: 'app without hash', perceptualHashing: false })
    // The simplest thumbnail there is, so the attention crop's share of the time shows.
    const centre = plainPass('centre', photos, path.join(root, 'centre'), 'centre')
    // Warm-up, untimed: the import's background thumbnails warmed the app's path; this does sharp's alone.
    const warm = plainPass('warm', photos.slice(0, 10), path.join(root, 'warm'), sharp.strategy.attention)
    warm.clear()
    await warm.run()

    const timings = new Map<Pass, Timing>([plain, app, centre, noHash].map((p) => [p, { ms: [], cpuMs: [] }]))
    const ratios: number[] = []
    const hashShares: number[] = []
    const loadBefore = os.loadavg()[0]
    for (let round = 0; round < ROUNDS; round++) {
      for (const pass of round % 2 === 0 ? [plain, app, noHash, centre] : [centre, noHash, app, plain]) {
        pass.clear()
        gc()
        const cpu = process.cpuUsage()
        const start = now()
        await pass.run()
        const ms = now() - start
        const used = process.cpuUsage(cpu)
        const made = pass.made()
        if (made !== PHOTOS) throw new Error(`The ${pass.name} pass made ${made} thumbnails, not ${PHOTOS}.`)
        timings.get(pass)!.ms.push(ms)
        timings.get(pass)!.cpuMs.push((used.user + used.system) / 1000 / PHOTOS)
      }
      ratios.push(timings.get(app)!.ms[round] / timings.get(plain)!.ms[round])
      hashShares.push(timings.get(app)!.cpuMs[round] / timings.get(noHash)!.cpuMs[round] - 1)
    }
    const loadAfter = os.loadavg()[0]

    const rate = (p: Pass) => PHOTOS / (median(timings.get(p)!.ms) / 1000)
    const cpuMs = (p: Pass) => median(timings.get(p)!.cpuMs)
    const ratio = median(ratios)
    report.figure('thumbnails vs plain sharp', `${ratio.toFixed(2)}x plain sharp time`, '<= 1.3', ratio <= 1.3)
    report.note(`app ${(median(timings.get(app)!.ms) / 1000).toFixed(2)} s, plain sharp ${(median(timings.get(plain)!.ms) / 1000).toFixed(2)} s for ${PHOTOS} (medians of ${ROUNDS} alternating rounds; ratios ${ratios.map((r) => r.toFixed(2)).join(', ')})`)
    report.note(`same pipeline both sides: rotate, attention cover crop to 256, WebP q78 effort 2; ${AT_ONCE} at once; same blob files`)
    report.figure('thumbnail rate', `${rate(app).toFixed(1)} a second`, '>= 50 a second on 2 cores', rate(app) >= 50)
    report.note(`plain sharp ${rate(plain).toFixed(1)}/s; CPU per thumbnail: app ${cpuMs(app).toFixed(1)} ms, plain ${cpuMs(plain).toFixed(1)} ms (${(cpuMs(app) / cpuMs(plain)).toFixed(2)}x), i.e. at most ${((AT_ONCE * 1000) / cpuMs(app)).toFixed(0)}/s on ${AT_ONCE} idle cores`)
    const attentionShare = 1 - cpuMs(centre) / cpuMs(plain)
    const phashOverhead = median(hashShares)
    report.figure('perceptual hash overhead on thumbnail time', `${(phashOverhead * 100).toFixed(1)}% CPU per thumbnail`, '<= 10%', phashOverhead <= 0.1)
    report.note(`app with the hash ${cpuMs(app).toFixed(1)} ms CPU, without ${cpuMs(noHash).toFixed(1)} ms CPU per thumbnail (median of per-round ratios ${hashShares.map((r) => (r * 100).toFixed(1)).join(', ')}%); CPU rather than wall time, as the hash runs on the main thread and the rest on sharp's threads`)
    report.note(`plain centre crop (no attention): ${rate(centre).toFixed(1)}/s, ${cpuMs(centre).toFixed(1)} ms CPU; the attention crop is ${(attentionShare * 100).toFixed(0)}% of plain sharp's CPU time`)
    report.note(`${PHOTOS} photos, ${(generated.bytes / PHOTOS / 1024 / 1024).toFixed(1)} MB each on average, a quarter with EXIF orientation 6; sharp ${sharp.versions.sharp}, vips threads ${sharp.concurrency()}, operation cache ${sharp.cache().items.max} items, ${os.availableParallelism()} cores, load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after`)
    return { thumbRatio: ratio, phashOverhead }
  } finally {
    await library.close()
  }
}

/**
 * Imports the photos as a user would (imports.start), then waits for the thumbnails the
 * library starts making in the background on import, so that none is still running when
 * the timed passes start (each pass removes the cached ones first).
 */
async function importPhotos(library: Library, dir: string): Promise<Photo[]> {
  const admin = library.as(ADMIN.email)
  const [home] = await admin.call('assets.roots')
  const imported = await admin.call('imports.start', { sources: [dir], targetFolderId: home.id })
  if (imported.imported !== PHOTOS) throw new Error(`Imported ${imported.imported} photos, not ${PHOTOS}: ${JSON.stringify(imported.skipped)}`)
  const photos: Photo[] = []
  for (const asset of library.core.store.tables.assets.values()) {
    if (asset.kind !== 'file') continue
    const { hash, mime } = currentVersionOf(asset)
    if (mime !== 'image/jpeg') throw new Error(`${asset.name} was imported as ${mime}.`)
    photos.push({ fileId: asset.id, hash, blob: await library.core.blobs.localFile(hash), name: asset.name })
  }
  photos.sort((a, b) => a.name.localeCompare(b.name))
  // A thumbnail being made is returned, not made again: this waits for the background ones.
  await Promise.all(photos.map((p) => library.core.renditions.ensure(p.hash, 'thumb', null)))
  return photos
}
