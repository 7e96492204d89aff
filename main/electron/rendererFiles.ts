import fs from 'node:fs'
import path from 'node:path'
import { CONTENT_SECURITY_POLICY } from './csp.js'
import { streamBody } from './webResponse.js'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * The built renderer (out/renderer) at trove://app/. Only files under that folder are served,
 * whatever the path says; module scripts need their JavaScript type to run at all.
 */
export function rendererFileResponse(rendererDir: string, pathname: string, method: string): Response {
  const root = path.resolve(rendererDir)
  let relative: string
  try {
    relative = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html'
  } catch {
    return new Response('Not found.', { status: 404 })
  }
  const file = path.resolve(root, relative)
  if (!file.startsWith(root + path.sep) || relative.includes('\0')) return new Response('Not found.', { status: 404 })
  let size: number
  try {
    const stat = fs.statSync(file)
    if (!stat.isFile()) return new Response('Not found.', { status: 404 })
    size = stat.size
  } catch {
    return new Response('Not found.', { status: 404 })
  }
  const headers = {
    'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(size),
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  }
  return new Response(method === 'HEAD' ? null : streamBody(fs.createReadStream(file)), { status: 200, headers })
}
