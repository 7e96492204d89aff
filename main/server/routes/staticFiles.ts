import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { RouteContext, Request } from './context.js'
import { BASE_HEADERS } from './respond.js'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

/** The app's own page: nothing but its own scripts, styles and the file routes. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** The built renderer. Anything outside its folder is out of reach whatever the path says. */
export async function staticRoute(ctx: RouteContext, { req, res, url }: Request): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return notFound(res, 405, 'Method not allowed.')
  let relative: string
  try {
    relative = decodeURIComponent(url.pathname)
  } catch {
    return notFound(res, 400, 'Bad path.')
  }
  if (relative === '/' || relative === '') relative = '/index.html'
  const root = path.resolve(ctx.rendererDir)
  const file = path.resolve(root, '.' + relative)
  if (!file.startsWith(root + path.sep) || relative.includes('\0')) return notFound(res, 404, 'Not found.')
  let stat: fs.Stats
  try {
    stat = await fs.promises.stat(file)
  } catch {
    if (relative === '/index.html') return notFound(res, 503, 'The renderer is not built yet: run `npm run build:renderer` (npm run web does it for you).')
    return notFound(res, 404, 'Not found.')
  }
  if (!stat.isFile()) return notFound(res, 404, 'Not found.')
  const ext = path.extname(file)
  const headers: Record<string, string | number> = {
    ...BASE_HEADERS,
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'content-length': stat.size,
    // Vite names built assets by content hash, so they never change; the page itself may.
    'cache-control': relative.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  }
  if (ext === '.html') headers['content-security-policy'] = PAGE_CSP
  res.writeHead(200, headers)
  if (req.method === 'HEAD') return void res.end()
  await pipeline(fs.createReadStream(file), res).catch(() => undefined)
}

function notFound(res: Request['res'], status: number, message: string): void {
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
  res.end(message)
}
