/**
 * Run in a fresh process by openFigure.ts, so that each open (and each JSON.parse it is
 * compared with) starts from an empty heap, as the app does, and resident memory is the
 * library's alone. `parse DIR` times JSON.parse of the records' text (segment lines, or an older
 * one-document library.json); `open DIR` times openLibrary.
 */
import fs from 'node:fs'
import path from 'node:path'
import { openLibrary } from '../../main/core/library.js'
import { gc, now } from './measure.js'
import { reportToParent } from './childProbe.js'

export interface ProbeResult {
  seconds: number
  rss: number
  rssAfterGc: number
  heapUsed: number
}

async function probe(mode: string, dir: string): Promise<ProbeResult> {
  if (mode === 'parse') {
    // The records as text, then parsed: one document, or (the segmented format) a line at a time.
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'library.json'), 'utf8')) as { segments?: { file: string }[] }
    const texts = manifest.segments ? manifest.segments.map((s) => fs.readFileSync(path.join(dir, s.file), 'utf8')) : [fs.readFileSync(path.join(dir, 'library.json'), 'utf8')]
    gc()
    const start = now()
    let data: unknown = null
    for (const text of texts) {
      if (!manifest.segments) data = JSON.parse(text) as unknown
      else for (const line of text.split('\n')) if (line !== '') data = JSON.parse(line) as unknown
    }
    const seconds = (now() - start) / 1000
    // Reading `data` after the clock stops keeps the parse from being optimised away.
    return { seconds, rss: process.memoryUsage().rss, rssAfterGc: 0, heapUsed: data === null ? 0 : process.memoryUsage().heapUsed }
  }
  gc()
  const start = now()
  const library = await openLibrary(dir)
  const seconds = (now() - start) / 1000
  const { rss, heapUsed } = process.memoryUsage()
  gc()
  // Touching the library after the collection keeps it alive through it.
  const rssAfterGc = library.core.store.tables.assets.size > 0 ? process.memoryUsage().rss : 0
  // Not closed: closing would fold the journal into the snapshot and the next open would replay nothing.
  return { seconds, rss, rssAfterGc, heapUsed }
}

const [mode, dir] = process.argv.slice(2)
reportToParent(probe(mode, dir))
