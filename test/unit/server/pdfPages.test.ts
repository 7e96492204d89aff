import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closePdfWorker } from '../../../main/core/media/pdf.js'
import { makePdf } from '../../support/mediaSamples.js'
import { serve, type Served } from './harness.js'

/** makePdf paints page i (from 0) with red at 0.2 + 0.1 × (i mod 5) of full, on white margins. */
const redOfPage = (page: number) => Math.round((0.2 + 0.1 * ((page - 1) % 5)) * 255)

async function centre(webp: Buffer): Promise<{ width: number; height: number; red: number }> {
  const { data, info } = await sharp(webp).raw().toBuffer({ resolveWithObject: true })
  const at = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels
  return { width: info.width, height: info.height, red: data[at] }
}

describe('GET /page/<id>?p=N: a PDF a page at a time', () => {
  let s: Served
  let cookie: string
  let reportId: string
  let sharedId: string
  let notesId: string
  let ritaId: string
  beforeAll(async () => {
    s = await serve()
    cookie = await s.connect()
    const privateFolder = await s.admin.call('folders.create', { parentId: s.homeId, name: 'Private' })
    const sharedFolder = await s.admin.call('folders.create', { parentId: s.homeId, name: 'Shared' })
    reportId = (await s.admin.call('files.upload', { folderId: privateFolder.id, name: 'report.pdf', base64: makePdf(3).toString('base64') })).id
    sharedId = (await s.admin.call('files.upload', { folderId: sharedFolder.id, name: 'handout.pdf', base64: makePdf(2).toString('base64') })).id
    notesId = (await s.admin.call('files.upload', { folderId: sharedFolder.id, name: 'notes.txt', base64: Buffer.from('hello').toString('base64') })).id
    ritaId = (await s.admin.call('users.create', { name: 'Rita', email: 'rita@example.com', role: 'restricted' })).id
    await s.admin.call('sharing.set', { resourceId: sharedFolder.id, subjectId: ritaId, level: 'view' })
  })
  afterAll(async () => {
    await s.close()
    await closePdfWorker()
  })

  it('serves each page as a WebP at the preview size, the page asked for', async () => {
    for (const page of [1, 2, 3]) {
      const reply = await s.get(cookie, `/page/${reportId}?p=${page}`)
      expect([page, reply.status, reply.headers['content-type']]).toEqual([page, 200, 'image/webp'])
      const shown = await centre(reply.body)
      // US Letter (612 × 792 points) with its long side at 1600 px.
      expect(shown.height).toBe(1600)
      expect(shown.width).toBeCloseTo(1236, -1)
      expect(Math.abs(shown.red - redOfPage(page)), `page ${page}`).toBeLessThanOrEqual(4)
    }
    const first = await s.get(cookie, `/page/${reportId}?p=1`)
    const second = await s.get(cookie, `/page/${reportId}?p=2`)
    expect(first.headers.etag).not.toBe(second.headers.etag)
  })

  it('refuses a malformed page number, or one past the last page, saying how many there are', async () => {
    for (const p of ['0', '-1', '1.5', 'two', '', '01', '99999999']) {
      const reply = await s.get(cookie, `/page/${reportId}?p=${encodeURIComponent(p)}`)
      expect([p, reply.status, reply.json().error!.code]).toEqual([p, 400, 'INVALID_INPUT'])
      expect(reply.json().error!.message).toMatch(/page number/)
    }
    const none = await s.get(cookie, `/page/${reportId}`)
    expect([none.status, none.json().error!.code]).toEqual([400, 'INVALID_INPUT'])
    const past = await s.get(cookie, `/page/${reportId}?p=4`)
    expect([past.status, past.json().error!.code]).toEqual([400, 'INVALID_INPUT'])
    expect(past.json().error!.message).toBe('"report.pdf" has 3 pages; there is no page 4.')
    const text = await s.get(cookie, `/page/${notesId}?p=1`)
    expect([text.status, text.json().error!.code]).toEqual([400, 'INVALID_INPUT'])
    expect(text.json().error!.message).toMatch(/not a PDF/)
  })

  it("counts the pages of the version asked for", async () => {
    const folder = await s.admin.call('folders.create', { parentId: s.homeId, name: 'Drafts' })
    const draft = await s.admin.call('files.upload', { folderId: folder.id, name: 'draft.pdf', base64: makePdf(2).toString('base64') })
    await s.admin.call('files.uploadVersion', { fileId: draft.id, base64: makePdf(5).toString('base64') })
    expect((await s.get(cookie, `/page/${draft.id}?p=5`)).status).toBe(200)
    expect((await s.get(cookie, `/page/${draft.id}?p=2&v=1`)).status).toBe(200)
    const past = await s.get(cookie, `/page/${draft.id}?p=3&v=1`)
    expect(past.json().error!.message).toBe('"draft.pdf" has 2 pages; there is no page 3.')
  })

  it('gives a restricted user the pages of a PDF they can view, and nothing at all of one they cannot', async () => {
    const rita = await s.connect()
    await s.call(rita, 'session.switchUser', { userId: ritaId })
    const shared = await s.get(rita, `/page/${sharedId}?p=2`)
    expect([shared.status, shared.headers['content-type']]).toEqual([200, 'image/webp'])
    expect(Math.abs((await centre(shared.body)).red - redOfPage(2))).toBeLessThanOrEqual(4)
    expect((await s.get(rita, `/page/${sharedId}?p=3`)).json().error!.message).toBe('"handout.pdf" has 2 pages; there is no page 3.')

    // A page that exists, one that does not, and a file that does not exist all get the same answer.
    const unknown = (await s.get(rita, '/page/no-such-file?p=1')).json().error!
    for (const p of ['1', '3', '4', '50']) {
      const reply = await s.get(rita, `/page/${reportId}?p=${p}`)
      expect([p, reply.status, reply.json().error!.code]).toEqual([p, 404, 'NOT_FOUND'])
      const error = reply.json().error!
      expect(error.message.replace(reportId, 'no-such-file')).toBe(unknown.message)
      expect(JSON.stringify(error)).not.toMatch(/report|pages/)
    }
    // Access is checked on every request: the page stops with the share.
    const folder = (await s.admin.call('assets.list', { folderId: s.homeId })).find((a) => a.name === 'Shared')!
    await s.admin.call('sharing.remove', { resourceId: folder.id, subjectId: ritaId })
    expect((await s.get(rita, `/page/${sharedId}?p=1`)).status).toBe(404)
    await s.admin.call('sharing.set', { resourceId: folder.id, subjectId: ritaId, level: 'view' })
  })
})
