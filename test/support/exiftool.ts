import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** exiftool is the reference reader these tests compare with (Debian: libimage-exiftool-perl; .ci/run installs it). */
export const hasExiftool = spawnSync('exiftool', ['-ver'], { encoding: 'utf8' }).status === 0
export const NO_EXIFTOOL = 'exiftool is not installed (Debian package libimage-exiftool-perl), so there is nothing to compare with'

/** What exiftool reads from a file: `-j -n -G1` (numbers as numbers, tags named Group:Tag). */
export function exiftoolRead(file: string, ...extra: string[]): Record<string, unknown> {
  const out = execFileSync('exiftool', ['-j', '-n', '-G1', ...extra, file], { encoding: 'utf8' })
  return (JSON.parse(out) as Record<string, unknown>[])[0]
}

/** Writes tags into the bytes with exiftool, as Photoshop, Lightroom or a camera would have, and returns the new bytes. */
export function exiftoolWrite(bytes: Buffer, ext: string, args: string[]): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-exiftool-'))
  try {
    const file = path.join(dir, `in.${ext}`)
    fs.writeFileSync(file, bytes)
    execFileSync('exiftool', ['-q', '-overwrite_original', ...args, file])
    return fs.readFileSync(file)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** exiftool's reading of these bytes. */
export function exiftoolReadBytes(bytes: Buffer, ext: string, ...extra: string[]): Record<string, unknown> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-exiftool-'))
  try {
    const file = path.join(dir, `in.${ext}`)
    fs.writeFileSync(file, bytes)
    return exiftoolRead(file, ...extra)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** A list tag as exiftool gives it (one value alone is not in a list), as strings. */
export function asList(value: unknown): string[] {
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]).map(String)
}

/** exiftool's "YYYY:MM:DD HH:MM:SS[.ss][±HH:MM]" in the ISO form the app stores. */
export function isoFromExiftool(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const m = /^(\d{4}):(\d{2}):(\d{2})(?: (\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(value)
  if (!m) return undefined
  const day = `${m[1]}-${m[2]}-${m[3]}`
  return m[4] === undefined ? day : `${day}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}${m[8] ?? ''}`
}

/** Several writes in one exiftool run (it starts slowly): each item's tags into its own bytes; returns the new bytes and exiftool's reading of each. */
export function exiftoolWriteMany(items: { bytes: Buffer; ext: string; args: string[] }[]): { bytes: Buffer; seen: Record<string, unknown> }[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-exiftool-'))
  try {
    const files = items.map((item, i) => {
      const file = path.join(dir, `${i}.${item.ext}`)
      fs.writeFileSync(file, item.bytes)
      return file
    })
    const lines = items.flatMap((item, i) => (item.args.length ? ['-q', '-overwrite_original', ...item.args, files[i], '-execute'] : []))
    if (lines.length) {
      fs.writeFileSync(path.join(dir, 'args'), lines.join('\n') + '\n')
      execFileSync('exiftool', ['-@', path.join(dir, 'args')], { stdio: 'pipe' })
    }
    const seen = JSON.parse(execFileSync('exiftool', ['-j', '-n', '-G1', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Record<string, unknown>[]
    const byFile = new Map(seen.map((s) => [s.SourceFile as string, s]))
    return files.map((file) => ({ bytes: fs.readFileSync(file), seen: byFile.get(file)! }))
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
