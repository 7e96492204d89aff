import { fork } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { COLUMN_FORMAT } from '../../main/core/store/hotColumns.js'
import { SEGMENTS_SCHEMA_VERSION } from '../../main/core/store/migrations.js'
import type { Scale } from './scale.js'
import type { BenchLibrary } from './generate.js'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const ROOT = path.resolve(HERE, '../..')
const GENERATOR = path.join(HERE, 'generateProbe.ts')
/**
 * What a generated library is made from: a change to any of these, or to the store's schema
 * version, makes the cached one stale. The store's code is left out on purpose: it changes
 * far more often than what it writes, and a change to what it writes is a new schema
 * version anyway (a reader must tell the formats apart).
 */
const SOURCES = [
  'test/bench/generate.ts', 'test/bench/tree.ts', 'test/bench/people.ts', 'test/bench/sharing.ts', 'test/bench/vocabulary.ts',
  'test/bench/prng.ts', 'shared/domain.ts',
]

/** What the figures need of a generated library besides the library itself (ids found by generation, sizes). */
export interface LibraryMeta extends Omit<BenchLibrary, 'dir' | 'fileIds'> {
  files: number
  generatedSeconds: number
}

export interface CachedLibrary {
  /** Never opened in place: figures work on a copy, as opening and changing a library rewrites it. */
  dir: string
  meta: LibraryMeta
  /** Whether this run generated it (else it came from the cache). */
  fresh: boolean
}

/** `.bench-cache/` in the repository (gitignored), or BENCH_CACHE. */
export function cacheRoot(): string {
  return process.env.BENCH_CACHE ?? path.join(ROOT, '.bench-cache')
}

export function cacheKey(scale: Scale, seed: number): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify({ scale, seed, schema: SEGMENTS_SCHEMA_VERSION, columns: COLUMN_FORMAT }))
  for (const file of SOURCES) hash.update(fs.readFileSync(path.join(ROOT, file)))
  return hash.digest('hex').slice(0, 12)
}

/**
 * The library of this scale and seed, generated once and kept between runs: generating a
 * million files takes minutes, opening it the seconds being measured. A stale entry of the
 * same size (older generator or store writer) is removed, so the cache holds one of each.
 */
export async function cachedLibrary(scale: Scale, seed: number): Promise<CachedLibrary> {
  const root = cacheRoot()
  const label = `files-${scale.files}`
  const name = `${label}-${cacheKey(scale, seed)}`
  const dir = path.join(root, name)
  const metaFile = path.join(root, `${name}.json`)
  if (fs.existsSync(metaFile) && fs.existsSync(dir)) return { dir, meta: JSON.parse(fs.readFileSync(metaFile, 'utf8')) as LibraryMeta, fresh: false }
  fs.mkdirSync(root, { recursive: true })
  for (const old of fs.readdirSync(root)) if (old.startsWith(`${label}-`)) fs.rmSync(path.join(root, old), { recursive: true, force: true })
  const tmp = `${dir}.tmp`
  await generateInChild(tmp, scale, seed)
  const meta = JSON.parse(fs.readFileSync(path.join(tmp, 'bench-meta.json'), 'utf8')) as LibraryMeta
  fs.rmSync(path.join(tmp, 'bench-meta.json'))
  // Renamed only once complete, so an interrupted generation is never taken for a library.
  fs.renameSync(tmp, dir)
  fs.writeFileSync(metaFile, JSON.stringify(meta))
  return { dir, meta, fresh: true }
}

/** A child of its own with room for a million records in memory at once (the generator builds them all, then writes). */
function generateInChild(dir: string, scale: Scale, seed: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(GENERATOR, [dir, JSON.stringify(scale), String(seed)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [...process.execArgv, '--max-old-space-size=16384'],
    })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generating ${scale.files} files exited with ${code}`))))
  })
}

/** A copy of the cached library to open and change. */
export function workingCopy(library: CachedLibrary, dir: string): string {
  fs.cpSync(library.dir, dir, { recursive: true })
  return dir
}
