import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { expect, inject } from 'vitest'
import { openPgRecordLog } from '../../main/core/store/pgRecordLog.js'
import { createDatabase } from './postgres.js'
import { openLibrary, type Caller, type Library, type OpenOptions } from '../../main/core/index.js'
import type { ErrorCode } from '../../shared/errors.js'
import { TABLE_NAMES } from '../../shared/domain.js'

export const ADMIN = { name: 'Ada', email: 'ada@example.com' }

export interface TempLibrary {
  dir: string
  library: Library
  admin: Caller
  homeId: string
  close(): Promise<void>
}

/**
 * The engine the suites run on: the files, or (in the `postgres` project of vitest.config.ts)
 * a fresh database of the run's private PostgreSQL server for each library.
 */
export const TEST_ENGINE = process.env.TROVE_TEST_ENGINE === 'postgres' ? 'postgres' : 'files'

/** A fresh library in its own temp folder, with Ada as its first admin. */
export async function tempLibrary(options: OpenOptions = {}): Promise<TempLibrary> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-test-'))
  const recordLog = TEST_ENGINE === 'postgres' && !options.recordLog ? await openPgRecordLog({ url: await createDatabase(inject('postgresAdminUrl')) }) : options.recordLog
  const library = await openLibrary(dir, { admin: ADMIN, ...options, recordLog })
  const admin = library.as(ADMIN.email)
  const [home] = await admin.call('assets.roots')
  return {
    dir,
    library,
    admin,
    homeId: home.id,
    async close() {
      await library.close().catch(() => undefined)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Every record of every table, for "nothing changed" comparisons. */
export function recordsOf(library: Library): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {}
  for (const t of TABLE_NAMES) out[t] = [...(library.core.store.tables[t] as { values(): Iterable<unknown> }).values()]
  return out
}

/** Awaits a call that must be refused with `code`; returns the error for further checks. */
export async function expectRefused(promise: Promise<unknown>, code: ErrorCode): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code}, but the call succeeded`)
    },
    (e: unknown) => e as { code: string; message: string; details?: Record<string, unknown> },
  )
  expect(error.code, error.message).toBe(code)
  return error
}

/** A tiny valid PNG of the given size, for uploads that must be recognised as images. */
export function pngBase64(width = 2, height = 3): string {
  return pngBytes(width, height).toString('base64')
}

export function pngBytes(width = 2, height = 3): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf: Buffer) => {
    let c = 0xffffffff
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, sum])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // truecolour
  const raw = Buffer.alloc((width * 3 + 1) * height)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
