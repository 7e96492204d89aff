import http from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Events } from '../../../shared/contract/index.js'
import { serve, type Served } from './harness.js'

interface Stream {
  events: Array<{ event: string; data: unknown }>
  /** Resolves with the first event matching, waiting for it if need be. */
  next(match: (e: { event: string; data: unknown }) => boolean): Promise<{ event: string; data: unknown }>
  close(): void
}

/** Reads `GET /api/events` as an EventSource would. */
function openStream(port: number, cookie: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const events: Stream['events'] = []
    const waiters: Array<{ match: (e: Stream['events'][number]) => boolean; resolve: (e: Stream['events'][number]) => void }> = []
    const req = http.get({ host: '127.0.0.1', port, path: '/api/events', headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`events answered ${res.statusCode}`))
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/)
      let buffer = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        let end
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const event = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (!event || data === undefined) continue
          const e = { event, data: JSON.parse(data) }
          events.push(e)
          for (const w of [...waiters]) {
            if (!w.match(e)) continue
            waiters.splice(waiters.indexOf(w), 1)
            w.resolve(e)
          }
        }
      })
      resolve({
        events,
        next(match) {
          const seen = events.find(match)
          if (seen) return Promise.resolve(seen)
          return new Promise((r) => waiters.push({ match, resolve: r }))
        },
        close: () => req.destroy(),
      })
    })
    req.on('error', () => undefined)
  })
}

describe('GET /api/events', () => {
  let s: Served
  let streams: Stream[]
  beforeEach(async () => {
    s = await serve()
    streams = []
  })
  afterEach(async () => {
    for (const st of streams) st.close()
    await s.close()
  })

  it("delivers library.changed to each session, naming only assets that session's actor can view", async () => {
    const rita = await s.admin.call('users.create', { name: 'Rita', email: 'rita@example.com', role: 'restricted' })
    const adaCookie = await s.connect()
    const ritaCookie = await s.connect()
    await s.call(ritaCookie, 'session.switchUser', { userId: rita.id })
    const ada = await openStream(s.port, adaCookie)
    const ritas = await openStream(s.port, ritaCookie)
    streams.push(ada, ritas)

    const secret = await s.admin.call('folders.create', { parentId: s.homeId, name: 'Secret' })
    const adaHeard = (await ada.next((e) => e.event === 'library.changed' && (e.data as Events['library.changed']).op === 'folders.create')).data as Events['library.changed']
    expect(adaHeard.assetIds).toContain(secret.id)

    const shared = await s.admin.call('folders.create', { parentId: s.homeId, name: 'Shared' })
    await s.admin.call('sharing.set', { resourceId: shared.id, subjectId: rita.id, level: 'view' })
    const inside = await s.admin.call('folders.create', { parentId: shared.id, name: 'Inside' })
    const ritaHeard = (await ritas.next((e) => e.event === 'library.changed' && (e.data as Events['library.changed']).assetIds.includes(inside.id))).data
    expect(ritaHeard).toBeTruthy()
    // Every change Rita heard of, none named the folder she cannot view.
    const ritaIds = ritas.events.filter((e) => e.event === 'library.changed').flatMap((e) => (e.data as Events['library.changed']).assetIds)
    expect(ritaIds).not.toContain(secret.id)
    expect(ritaIds.length).toBeGreaterThan(0)
  })

  it("tells a session that its actor changed, and only that session", async () => {
    const rita = await s.admin.call('users.create', { name: 'Rita', email: 'rita@example.com', role: 'restricted' })
    const one = await s.connect()
    const two = await s.connect()
    const first = await openStream(s.port, one)
    const second = await openStream(s.port, two)
    streams.push(first, second)
    await s.call(one, 'session.viewAs', { userId: rita.id })
    expect((await first.next((e) => e.event === 'session.changed')).data).toEqual({ userId: rita.id })
    // A marker change proves the second stream was flowing when the first one heard its switch.
    await s.admin.call('folders.create', { parentId: s.homeId, name: 'Marker' })
    await second.next((e) => e.event === 'library.changed')
    expect(second.events.filter((e) => e.event === 'session.changed')).toEqual([])
  })

  it('delivers the progress of a zip download to the browser session that asked for it, and to no other', async () => {
    const folder = await s.admin.call('folders.create', { parentId: s.homeId, name: 'Brand' })
    await s.admin.call('files.upload', { folderId: folder.id, name: 'a.txt', base64: Buffer.from('alpha').toString('base64') })
    const asking = await s.connect()
    const other = await s.connect()
    const heard = await openStream(s.port, asking)
    const elsewhere = await openStream(s.port, other)
    streams.push(heard, elsewhere)
    expect((await s.get(asking, `/download/zip?assetIds=${folder.id}`)).status).toBe(200)
    const done = (await heard.next((e) => e.event === 'jobs.progress' && (e.data as Events['jobs.progress']).state === 'done')).data as Events['jobs.progress']
    expect([done.kind, done.title]).toEqual(['zip', 'Download Brand.zip'])
    await s.admin.call('folders.create', { parentId: s.homeId, name: 'Marker' })
    await elsewhere.next((e) => e.event === 'library.changed')
    expect(elsewhere.events.filter((e) => e.event === 'jobs.progress')).toEqual([])
  })

  it('stops listening when the browser goes away', async () => {
    const cookie = await s.connect()
    const stream = await openStream(s.port, cookie)
    const listeners = () => (s.library as unknown as { listeners: Set<unknown> }).listeners.size
    expect(listeners()).toBe(3)
    stream.close()
    await expect.poll(listeners).toBe(0)
  })
})
