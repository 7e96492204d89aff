import fsp from 'node:fs/promises'
import path from 'node:path'
import { Low, type Adapter } from 'lowdb'
import { CURRENT_SCHEMA_VERSION, SEGMENTS_SCHEMA_VERSION } from './migrations.js'
import type { SegmentInfo } from './segments.js'
import { isTableName } from './shape.js'
import { damagedAt, parseLibraryDocument, syncDir, valueOffset } from './snapshot.js'

/** library.json of schema 2: what the library is and which segment files hold its records. */
export interface Manifest {
  schemaVersion: number
  /** The last change folded into the segments; later ones are in the journals. */
  seq: number
  libraryId: string
  createdAt: number
  /** Counts compactions: new segment files carry it in their name, so no name is used twice. */
  generation: number
  /** The next free segment slot number. */
  nextSlot: number
  segments: SegmentInfo[]
}

export const SEGMENT_NAME = /^segments\/([a-z]+)-(\d+)\.(\d+)\.jsonl$/

/**
 * lowdb adapter for the manifest. It is small (a line per segment), so it is read and
 * written whole; writing is atomic: temp file, fsync, rename, fsync of the folder.
 */
export class ManifestFile implements Adapter<Manifest> {
  constructor(readonly file: string) {}

  async read(): Promise<Manifest | null> {
    let text: string
    try {
      text = await fsp.readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    return parseManifest(this.file, text, parseLibraryDocument(this.file, text))
  }

  async write(data: Manifest): Promise<void> {
    const tmp = `${this.file}.${process.pid}.tmp`
    const handle = await fsp.open(tmp, 'w')
    try {
      const segments = data.segments.map((s) => `\n    ${JSON.stringify(s)}`).join(',')
      const head = JSON.stringify({ ...data, segments: [] }).slice(0, -3)
      await handle.writeFile(`${head}[${segments}\n]}\n`)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fsp.rename(tmp, this.file)
    await syncDir(path.dirname(this.file))
  }
}

/** The schema a manifest naming these segments is written with (see migrations.ts). */
export function manifestVersion(segments: readonly SegmentInfo[]): number {
  return segments.some((s) => s.delta !== undefined) ? CURRENT_SCHEMA_VERSION : SEGMENTS_SCHEMA_VERSION
}

export function manifestDb(file: string, initial: Manifest): Low<Manifest> {
  return new Low(new ManifestFile(file), initial)
}

/** Checks the shape of a parsed manifest; damage is LIBRARY_CORRUPT with the position. */
export function parseManifest(file: string, text: string, raw: Record<string, unknown>): Manifest {
  const problem = manifestProblem(raw)
  if (problem) throw damagedAt(file, text, valueOffset(text, problem.at), problem.text)
  return raw as unknown as Manifest
}

function manifestProblem(raw: Record<string, unknown>): { text: string; at: (string | number)[] } | null {
  const count = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0
  if (raw.schemaVersion !== SEGMENTS_SCHEMA_VERSION && raw.schemaVersion !== CURRENT_SCHEMA_VERSION) return { text: `schema ${String(raw.schemaVersion)} is not a manifest`, at: ['schemaVersion'] }
  for (const key of ['seq', 'generation', 'nextSlot'] as const) if (!count(raw[key])) return { text: `the ${key} is ${JSON.stringify(raw[key])}`, at: [key] }
  if (typeof raw.libraryId !== 'string') return { text: 'there is no libraryId', at: ['libraryId'] }
  if (typeof raw.createdAt !== 'number') return { text: 'there is no createdAt', at: ['createdAt'] }
  if (!Array.isArray(raw.segments)) return { text: 'the segments are not a list', at: ['segments'] }
  const seen = new Set<string>()
  for (let i = 0; i < raw.segments.length; i++) {
    const s = raw.segments[i] as Partial<SegmentInfo> | null
    const at = ['segments', i]
    if (typeof s !== 'object' || s === null) return { text: `segment ${i} is not an object`, at }
    const name = typeof s.file === 'string' ? SEGMENT_NAME.exec(s.file) : null
    if (!name || !isTableName(s.table) || name[1] !== s.table || seen.has(s.file!)) return { text: `segment ${i} has a wrong name or table`, at }
    if (!count(s.records) || !count(s.bytes) || typeof s.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(s.sha256)) {
      return { text: `segment ${i} has wrong counts or checksum`, at }
    }
    const c = s.columns as { bytes?: unknown; sha256?: unknown } | undefined
    if (c !== undefined && (typeof c !== 'object' || c === null || !count(c.bytes) || typeof c.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(c.sha256))) {
      return { text: `segment ${i} has a wrong column file entry`, at }
    }
    if (s.delta !== undefined && ((s.delta !== 'put' && s.delta !== 'del') || c !== undefined || raw.schemaVersion !== CURRENT_SCHEMA_VERSION)) {
      return { text: `segment ${i} has a wrong delta entry`, at }
    }
    seen.add(s.file!)
  }
  return null
}
