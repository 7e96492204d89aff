/**
 * What the transfer figures share: incompressible source files, timed shell commands, a
 * fresh library, and interleaved rounds that compare the app with a command in one run.
 */
import { spawn } from 'node:child_process'
import { createHash, randomFillSync } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { openLibrary, type Caller, type Library } from '../../main/core/index.js'
import { gc, median, now } from './measure.js'

export const MIB = 1024 * 1024

/**
 * `count` files of `size` random bytes, spread over `folders` subfolders of `dir`. Random
 * bytes stand in for photos and video, which deflate cannot shrink either; each file is
 * filled afresh, as the store keeps identical content once and would otherwise skip writes.
 */
export function writeRandomTree(dir: string, count: number, size: number, folders: number): string[] {
  const buffer = Buffer.alloc(size)
  const files: string[] = []
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `shoot-${(i % folders) + 1}`)
    fs.mkdirSync(folder, { recursive: true })
    const file = path.join(folder, `IMG_${String(i + 1).padStart(4, '0')}.jpg`)
    fs.writeFileSync(file, randomFillSync(buffer))
    files.push(file)
  }
  return files
}

/** One large random file, written in chunks so that making it takes no more memory than a chunk. */
export function writeRandomFile(file: string, size: number): void {
  const chunk = Buffer.alloc(4 * MIB)
  const fd = fs.openSync(file, 'w')
  try {
    for (let written = 0; written < size; ) {
      const n = Math.min(chunk.length, size - written)
      fs.writeSync(fd, randomFillSync(chunk), 0, n)
      written += n
    }
  } finally {
    fs.closeSync(fd)
  }
}

export async function sha256File(file: string): Promise<string> {
  const hasher = createHash('sha256')
  await pipeline(fs.createReadStream(file), hasher)
  return hasher.digest('hex')
}

/** Runs a command to its end and returns how long it took in ms, from spawn to exit. */
export function timedCommand(command: string, args: string[], cwd?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = now()
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = now() - start
      if (code === 0) resolve(ms)
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim()}`))
    })
  })
}

/**
 * Writes back whatever earlier steps left dirty, outside any timed span, so that no side
 * pays for the previous one's writeback (or for generating the sources).
 */
export async function settle(): Promise<void> {
  await timedCommand('sync', [])
  gc()
}

export interface OpenedLibrary {
  library: Library
  admin: Caller
  homeId: string
}

export async function freshLibrary(dir: string): Promise<OpenedLibrary> {
  const library = await openLibrary(dir, { admin: { name: 'Ada', email: 'ada@example.com' } })
  const admin = library.as('ada@example.com')
  const [home] = await admin.call('assets.roots')
  return { library, admin, homeId: home.id }
}

/**
 * Runs every contender once per round, in the same order each round, so that noise from
 * other work on the machine falls on all of them; returns each one's median in ms. Each
 * contender times only its own span and does its setup and cleanup outside it.
 */
export async function interleaved<K extends string>(rounds: number, contenders: Record<K, () => Promise<number>>): Promise<Record<K, { median: number; samples: number[] }>> {
  const samples = Object.fromEntries(Object.keys(contenders).map((k) => [k, [] as number[]])) as Record<K, number[]>
  for (let round = 0; round < rounds; round++) {
    for (const key of Object.keys(contenders) as K[]) {
      await settle()
      samples[key].push(await contenders[key]())
    }
  }
  return Object.fromEntries(Object.entries<number[]>(samples).map(([k, s]) => [k, { median: median(s), samples: s }])) as Record<K, { median: number; samples: number[] }>
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
export const rate = (bytes: number, ms: number): string => `${(bytes / MIB / (ms / 1000)).toFixed(0)} MB/s`
export const ratio = (value: number): string => `${value.toFixed(2)}×`
export const list = (samples: number[]): string => samples.map(seconds).join(', ')
