import { spawn } from 'node:child_process'
import { createHash, randomFillSync } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../main/core/index.js'
import { ADMIN } from '../../support/tempLibrary.js'
import { tempFilesIn } from '../../support/tempFiles.js'

const require = createRequire(import.meta.url)
const IMPORTER = new URL('./fixtures/importer.ts', import.meta.url).pathname
const FILES = 400

let root: string
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

/** Runs the importer until it has reported `atLeast` files done (committed), then SIGKILLs it; returns the highest count it reported. */
function importAndKill(dir: string, source: string, atLeast: number): Promise<number> {
  return new Promise((resolve, reject) => {
    // The importer holds after its second report of files done (fixtures/importer.ts): the kill
    // lands anywhere from the first report on, the next batch's flush and commit included, and
    // before the import ends however slowly this process hears the report on a loaded machine.
    const child = spawn(process.execPath, ['--import', require.resolve('tsx'), IMPORTER, dir, source, ADMIN.email, '2'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let reported = 0
    let buffered = ''
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop()!
      for (const line of lines) {
        const message = JSON.parse(line) as { done?: number; finished?: boolean }
        if (message.finished) reject(new Error('the import finished before it could be killed'))
        if (message.done !== undefined) reported = Math.max(reported, message.done)
        if (reported >= atLeast) child.kill('SIGKILL')
      }
    })
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(reported)
      else reject(new Error(`the importer exited (${code}) before it was killed: ${stderr.slice(-2000)}`))
    })
  })
}

describe('an import killed with SIGKILL', () => {
  it('leaves every file it reported done, each whole, and nothing half-written', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-import-kill-'))
    const source = path.join(root, 'Shoot')
    const sums = new Map<string, string>()
    const buffer = Buffer.alloc(64 * 1024)
    for (let i = 0; i < FILES; i++) {
      const folder = path.join(source, `part-${i % 4}`)
      fs.mkdirSync(folder, { recursive: true })
      const bytes = randomFillSync(buffer).subarray(0, 1024 + ((i * 977) % (63 * 1024)))
      fs.writeFileSync(path.join(folder, `IMG_${String(i).padStart(4, '0')}.bin`), bytes)
      sums.set(`IMG_${String(i).padStart(4, '0')}.bin`, createHash('sha256').update(bytes).digest('hex'))
    }
    const dir = path.join(root, 'library')
    const first = await openLibrary(dir, { admin: ADMIN })
    await first.close()

    // Killed once at least one batch is committed and reported, while others are being copied in.
    const reported = await importAndKill(dir, source, 1)
    expect(reported).toBeGreaterThan(0)
    expect(reported).toBeLessThan(FILES)

    const library = await openLibrary(dir)
    try {
      // A killed process's temp copies are removed when the library opens.
      expect(tempFilesIn(path.join(dir, 'blobs', 'tmp'))).toEqual([])
      const files = [...library.core.store.tables.assets.values()].filter((a) => a.kind === 'file')
      // Every file reported done is there (records are committed before they are reported)…
      expect(files.length).toBeGreaterThanOrEqual(reported)
      // …and every file there is whole: its blob holds exactly the source's bytes.
      for (const file of files) {
        if (file.kind !== 'file') continue
        const version = file.versions[0]
        expect(version.hash, file.name).toBe(sums.get(file.name))
        expect(await library.core.blobs.verify(version.hash), file.name).toBe(true)
      }
      // No stored blob is partial, referenced or not.
      for (const prefix of fs.readdirSync(path.join(dir, 'blobs', 'sha256'))) {
        for (const rest of fs.readdirSync(path.join(dir, 'blobs', 'sha256', prefix))) {
          if (/^[0-9a-f]+$/.test(rest)) expect(await library.core.blobs.verify(prefix + rest)).toBe(true)
        }
      }
      // The import can run again over what is there and completes.
      const admin = library.as(ADMIN.email)
      const [home] = await admin.call('assets.roots')
      await admin.call('imports.start', { sources: [source], targetFolderId: home.id, onConflict: 'skip' })
      const after = [...library.core.store.tables.assets.values()].filter((a) => a.kind === 'file')
      expect(new Set(after.map((a) => a.name)).size).toBe(FILES)
      expect(after.length).toBe(FILES)
    } finally {
      await library.close()
    }
  }, 180_000)
})
