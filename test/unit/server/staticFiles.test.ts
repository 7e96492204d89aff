import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { request, serve, type Served } from './harness.js'

describe('the renderer files', () => {
  let s: Served
  beforeEach(async () => {
    s = await serve()
    fs.mkdirSync(path.join(s.rendererDir, 'assets'))
    fs.writeFileSync(path.join(s.rendererDir, 'assets', 'index-abc.js'), 'console.log(1)')
  })
  afterEach(() => s.close())

  it('serves the page with a strict Content-Security-Policy, and hashed assets as immutable', async () => {
    const page = await request(s.port, { path: '/' })
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/)
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/)
    const script = await request(s.port, { path: '/assets/index-abc.js' })
    expect(script.headers['content-type']).toMatch(/^text\/javascript/)
    expect(script.headers['cache-control']).toMatch(/immutable/)
  })

  it('never serves a file outside the renderer folder', async () => {
    fs.writeFileSync(path.join(path.dirname(s.rendererDir), 'outside-secret.txt'), 'secret')
    try {
      for (const p of ['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/assets/..%2f..%2foutside-secret.txt', '/%00']) {
        const reply = await request(s.port, { path: p })
        expect([p, reply.status]).toEqual([p, expect.any(Number)])
        expect(reply.status).toBeGreaterThanOrEqual(400)
        expect(reply.body.toString()).not.toContain('secret')
      }
    } finally {
      fs.rmSync(path.join(path.dirname(s.rendererDir), 'outside-secret.txt'))
    }
  })

  it('says how to build the renderer when it is missing', async () => {
    fs.rmSync(path.join(s.rendererDir, 'index.html'))
    const reply = await request(s.port, { path: '/' })
    expect(reply.status).toBe(503)
    expect(reply.body.toString()).toMatch(/build:renderer/)
  })
})
