import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../main/core/index.js'
import { startServer } from '../../../main/server/index.js'
import { rendererIsStale } from '../../../main/server/buildRenderer.js'
import { request } from './harness.js'

const dirs: string[] = []
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-start-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

describe('startServer', () => {
  it('creates a library in an empty folder with the default first admin, as `npm run web` does', async () => {
    const dir = tempDir()
    const server = await startServer({ libraryDir: dir, port: 0, rendererDir: tempDir() })
    try {
      expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=`))
      const exchange = await request(server.port, { path: new URL(server.url).pathname + new URL(server.url).search })
      const cookie = String(exchange.headers['set-cookie']![0]).split(';')[0]
      const reply = await request(server.port, { method: 'POST', path: '/api/session.current', headers: { cookie, 'content-type': 'application/json' } })
      expect(reply.json<{ value: { user: { email: string; role: string } } }>().value.user).toMatchObject({ email: 'admin@localhost', role: 'admin' })
    } finally {
      await server.close()
    }
    // Closing released the library: it opens again.
    const again = await openLibrary(dir)
    await again.close()
  })

  it('listens on loopback only', async () => {
    const server = await startServer({ libraryDir: tempDir(), port: 0, rendererDir: tempDir() })
    try {
      const others = Object.values(os.networkInterfaces()).flat().filter((i) => i && i.family === 'IPv4' && !i.internal)
      for (const nic of others) {
        const reached = await new Promise<boolean>((resolve) => {
          const socket = net.connect({ host: nic!.address, port: server.port })
          socket.once('connect', () => {
            socket.destroy()
            resolve(true)
          })
          socket.once('error', () => resolve(false))
        })
        expect([nic!.address, reached]).toEqual([nic!.address, false])
      }
    } finally {
      await server.close()
    }
  })
})

describe('rendererIsStale', () => {
  it('is stale when nothing is built, and not when the build is newer than every source', () => {
    const out = tempDir()
    expect(rendererIsStale(out)).toBe(true)
    fs.writeFileSync(path.join(out, 'index.html'), '')
    const future = new Date(Date.now() + 3600_000)
    fs.utimesSync(path.join(out, 'index.html'), future, future)
    expect(rendererIsStale(out)).toBe(false)
    const past = new Date(0)
    fs.utimesSync(path.join(out, 'index.html'), past, past)
    expect(rendererIsStale(out)).toBe(true)
  })
})
