import { spawn } from 'node:child_process'
import fs from 'node:fs'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { TABLE_NAMES } from '../../../shared/domain.js'
import { openLibrary } from '../../../main/core/index.js'
import { Store } from '../../../main/core/store/store.js'
import type { SnapshotData } from '../../../main/core/store/snapshot.js'
import { ADMIN } from '../../support/tempLibrary.js'
import { toLegacyFormat } from './fixtures/legacy.js'
import { removeFolders, tempFolder } from './fixtures/libraryFolders.js'

afterEach(removeFolders)

const OPENER = fileURLToPath(new URL('./fixtures/opener.ts', import.meta.url))

/** Opens `dir` in a child process and kills it with SIGKILL `ms` after it starts to open. */
async function killWhileOpening(dir: string, ms: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', OPENER, dir], { stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = readline.createInterface({ input: child.stdout })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  await new Promise<void>((resolve) => lines.on('line', (line) => line === 'ready' && resolve()))
  const started = new Promise<void>((resolve) => lines.on('line', (line) => line === 'go' && resolve()))
  child.stdin.write('go\n')
  await started
  setTimeout(() => child.kill('SIGKILL'), ms)
  await exited
}

const sorted = (rows: { id: string }[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))

describe('a conversion from the one-document format killed with SIGKILL', () => {
  it('loses nothing, wherever the kill lands', async () => {
    const source = tempFolder()
    const library = await openLibrary(source, { admin: ADMIN })
    const [home] = await library.as(ADMIN.email).call('assets.roots')
    const adminId = [...library.core.store.tables.users.values()][0].id
    // Enough records that the conversion takes a while, so that kills land inside it.
    const history = Array.from({ length: 30_000 }, (_, i) => ({ id: `h-${i}`, at: i, actorId: adminId, action: 'files.upload', ids: [home.id], summary: `uploaded ${'x'.repeat(100)}-${i}` }))
    await library.core.store.commit({ actor: null, op: 'history', put: { activity: history } })
    await library.close()
    const data: SnapshotData = await toLegacyFormat(source)

    for (const ms of [0, 50, 150, 300, 600]) {
      const dir = tempFolder()
      fs.cpSync(source, dir, { recursive: true })
      await killWhileOpening(dir, ms)
      const store = await Store.open(dir)
      try {
        for (const name of TABLE_NAMES) expect(sorted([...store.tables[name].values()]), `${name} after a kill at ${ms} ms`).toEqual(sorted(data.tables[name]))
        expect(store.seq).toBe(data.seq)
      } finally {
        await store.close()
      }
    }
  }, 120_000)
})
