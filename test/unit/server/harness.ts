import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import os from 'node:os'
import path from 'node:path'
import { startServer, type RunningServer } from '../../../main/server/index.js'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import type { OpenOptions } from '../../../main/core/index.js'

export interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
  json<T = { ok: boolean; value?: unknown; error?: { code: string; message: string; details?: Record<string, unknown> } }>(): T
}

export interface RawRequest {
  method?: string
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
}

/**
 * A plain HTTP request, so tests can send any Host and Origin (fetch would not let them); over
 * TLS when given the certificate to trust and the name it is for.
 */
export function request(port: number, { method = 'GET', path: p, headers = {}, body }: RawRequest, tls?: { ca: string | Buffer; servername: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port, method, path: p, headers, ...tls }
    const req = (tls ? https : http).request(options, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const buf = Buffer.concat(chunks)
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: buf, json: () => JSON.parse(buf.toString('utf8')) })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

export interface Served extends TempLibrary {
  server: RunningServer
  port: number
  rendererDir: string
  /** The token exchange as a browser does it; returns the `name=value` cookie. */
  connect(): Promise<string>
  /** POST /api/<channel> with a cookie (or none). */
  call(cookie: string | null, channel: string, input?: unknown, headers?: Record<string, string>): Promise<Reply>
  get(cookie: string | null, p: string, headers?: Record<string, string>): Promise<Reply>
  close(): Promise<void>
}

/** A temp library (Ada is its first admin) behind the server, with a stand-in renderer folder. */
export async function serve(options: OpenOptions = {}): Promise<Served> {
  const lib = await tempLibrary(options)
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-renderer-'))
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Trove</title>')
  const server = await startServer({ library: lib.library, port: 0, rendererDir })
  const port = server.port
  const served: Served = {
    ...lib,
    server,
    port,
    rendererDir,
    async connect() {
      const reply = await request(port, { path: new URL(server.url).pathname + new URL(server.url).search })
      const cookie = String(reply.headers['set-cookie']?.[0] ?? '').split(';')[0]
      if (reply.status !== 303 || !cookie) throw new Error(`token exchange failed: ${reply.status}`)
      return cookie
    },
    call(cookie, channel, input, headers = {}) {
      return request(port, {
        method: 'POST',
        path: `/api/${channel}`,
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
        body: input === undefined ? undefined : JSON.stringify(input),
      })
    },
    get(cookie, p, headers = {}) {
      return request(port, { path: p, headers: { ...(cookie ? { cookie } : {}), ...headers } })
    },
    async close() {
      await server.close()
      await lib.close()
      fs.rmSync(rendererDir, { recursive: true, force: true })
    },
  }
  return served
}
