import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { fileUrl, pageUrl } from '../../../shared/bridge.js'
import type { Session } from '../../../main/core/context.js'
import { pngBytes, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { makePdf } from '../../support/mediaSamples.js'
import { closePdfWorker } from '../../../main/core/media/pdf.js'
import { fake, type FakeSession } from './fakeElectron.js'

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule)

const { registerTroveScheme, serveTroveScheme, troveRequestHandler } = await import('../../../main/electron/protocol.js')
const { CONTENT_SECURITY_POLICY } = await import('../../../main/electron/csp.js')
const { electronModule } = await import('./fakeElectron.js')

let t: TempLibrary
let root: string
let rendererDir: string
let fileId: string
let ritaId: string
const png = pngBytes(4, 5)

beforeAll(async () => {
  t = await tempLibrary()
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-shell-'))
  rendererDir = path.join(root, 'renderer')
  fs.mkdirSync(rendererDir)
  fs.writeFileSync(path.join(root, 'secret.txt'), 'secret')
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Trove</title>')
  fs.mkdirSync(path.join(rendererDir, 'assets'))
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  const folder = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Brand' })
  const file = await t.admin.call('files.upload', { folderId: folder.id, name: 'logo.png', base64: png.toString('base64') })
  fileId = file.id
  ritaId = (await t.admin.call('users.create', { name: 'Rita', email: 'rita@example.com', role: 'restricted' })).id
})
afterAll(async () => {
  await t.close()
  fs.rmSync(root, { recursive: true, force: true })
})

function get(session: Session, url: string, headers: Record<string, string> = {}) {
  return troveRequestHandler({ library: t.library, session, rendererDir })(new Request(url, { headers }))
}
const electronUrl = (kind: 'file' | 'thumb' | 'preview', id: string, version?: number) => fileUrl(kind, id, { electron: true, version })

describe('the trove: scheme', () => {
  it('is registered as privileged (standard, secure, fetch, stream) before the app is ready', () => {
    registerTroveScheme()
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'trove', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, stream: true }) },
    ])
  })

  it('is answered on the partition it is given, bound to that session', async () => {
    const partition = electronModule.session.fromPartition('persist:test') as unknown as FakeSession
    const stop = serveTroveScheme(partition as never, { library: t.library, session: t.admin.session, rendererDir })
    const response = await partition.handlers.get('trove')!(new Request(electronUrl('file', fileId)))
    expect(response.status).toBe(200)
    stop()
    expect(partition.handlers.has('trove')).toBe(false)
  })
})

describe('file bytes', () => {
  it('are streamed to a session that can view the file', async () => {
    const response = await get(t.admin.session, electronUrl('file', fileId))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(response.headers.get('content-length')).toBe(String(png.length))
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png)
  })

  it('are 404 for a session that cannot view the file, with nothing about it in the answer', async () => {
    const rita = t.library.session(ritaId)
    for (const kind of ['file', 'thumb', 'preview'] as const) {
      const response = await get(rita, electronUrl(kind, fileId))
      expect(response.status, kind).toBe(404)
      expect(await response.text()).not.toContain('logo')
    }
    expect((await get(t.library.session(null), electronUrl('file', fileId))).status).toBe(404)
  })

  it('are checked on every request: a grant opens them, its removal closes them again', async () => {
    const rita = t.library.session(ritaId)
    await t.admin.call('sharing.set', { resourceId: fileId, subjectId: ritaId, level: 'view' })
    expect((await get(rita, electronUrl('file', fileId))).status).toBe(200)
    await t.admin.call('sharing.remove', { resourceId: fileId, subjectId: ritaId })
    expect((await get(rita, electronUrl('file', fileId))).status).toBe(404)
  })

  it('honour a byte range, and refuse one outside the file', async () => {
    const response = await get(t.admin.session, electronUrl('file', fileId), { range: 'bytes=8-15' })
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe(`bytes 8-15/${png.length}`)
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png.subarray(8, 16))
    const suffix = await get(t.admin.session, electronUrl('file', fileId), { range: 'bytes=-4' })
    expect(Buffer.from(await suffix.arrayBuffer())).toEqual(png.subarray(png.length - 4))
    const outside = await get(t.admin.session, electronUrl('file', fileId), { range: `bytes=${png.length + 10}-` })
    expect(outside.status).toBe(416)
    expect(outside.headers.get('content-range')).toBe(`bytes */${png.length}`)
  })

  it('are 404 for a version that does not exist and for an unknown id', async () => {
    expect((await get(t.admin.session, electronUrl('file', fileId, 1))).status).toBe(200)
    expect((await get(t.admin.session, electronUrl('file', fileId, 9))).status).toBe(404)
    expect((await get(t.admin.session, electronUrl('file', 'nope'))).status).toBe(404)
    expect((await get(t.admin.session, 'trove://file/%E0%A4%A')).status).toBe(404)
    expect((await get(t.admin.session, 'trove://elsewhere/' + fileId)).status).toBe(404)
  })
})

describe('thumbnails and previews', () => {
  it('are served to a session that can view the file', async () => {
    for (const kind of ['thumb', 'preview'] as const) {
      const response = await get(t.admin.session, electronUrl(kind, fileId))
      expect(response.status, kind).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^image\//)
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0)
    }
  })
})

describe("a PDF's pages", () => {
  it('are served page by page to a session that can view the file, and refused by number otherwise', async () => {
    const pdf = await t.admin.call('files.upload', { folderId: t.homeId, name: 'deck.pdf', base64: makePdf(2).toString('base64') })
    const second = await get(t.admin.session, pageUrl(pdf.id, 2, { electron: true }))
    expect([second.status, second.headers.get('content-type')]).toEqual([200, 'image/webp'])
    expect((await get(t.admin.session, pageUrl(pdf.id, 3, { electron: true }))).status).toBe(400)
    expect((await get(t.admin.session, `trove://page/${pdf.id}?p=zero`)).status).toBe(400)
    const rita = t.library.session(ritaId)
    for (const page of [1, 3]) {
      const refused = await get(rita, pageUrl(pdf.id, page, { electron: true }))
      expect(refused.status).toBe(404)
      expect(await refused.text()).not.toMatch(/deck|pages/)
    }
    await closePdfWorker()
  })
})

describe('the renderer at trove://app', () => {
  it('is served with the CSP and the right types', async () => {
    const page = await get(t.library.session(null), 'trove://app/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await page.text()).toContain('<title>Trove</title>')
    const script = await get(t.library.session(null), 'trove://app/assets/app.js')
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/)
  })

  it('never serves a file outside the renderer folder', async () => {
    for (const p of ['/..%2Fsecret.txt', '/%2E%2E/secret.txt', '/assets/..%2F..%2Fsecret.txt', '/assets', '/missing.js']) {
      const response = await get(t.library.session(null), `trove://app${p}`)
      expect(response.status, p).toBe(404)
    }
  })

  it('answers only GET and HEAD', async () => {
    const handler = troveRequestHandler({ library: t.library, session: t.admin.session, rendererDir })
    expect((await handler(new Request(electronUrl('file', fileId), { method: 'POST', body: 'x' }))).status).toBe(405)
    const head = await handler(new Request(electronUrl('file', fileId), { method: 'HEAD' }))
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String(png.length))
  })
})
