import type { IncomingMessage } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'

/** Browser mode listens on loopback only; nothing else on the network can reach it. */
export const LOOPBACK = '127.0.0.1'

/** 256 random bits, URL-safe: the printed token and every session cookie. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Cookies are not kept apart by port, so two servers on one machine (two libraries) would
 * overwrite each other's cookie under a shared name.
 */
export function cookieName(port: number): string {
  return `trove_session_${port}`
}

/** HttpOnly: page scripts never see it; SameSite=Strict: no other site's page can send it. */
export function sessionCookie(name: string, value: string): string {
  return `${name}=${value}; HttpOnly; SameSite=Strict; Path=/`
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return null
}

/**
 * DNS rebinding: a foreign site can point its own name at 127.0.0.1, but its requests then
 * carry that name in `Host`, and any cross-site request carries a foreign `Origin`. Only the
 * loopback names of this very port are accepted. Returns why a request is refused, or null.
 */
export function foreignRequest(req: IncomingMessage, port: number): string | null {
  const allowed = [`${LOOPBACK}:${port}`, `localhost:${port}`]
  const host = req.headers.host?.toLowerCase()
  if (!host || !allowed.includes(host)) return `Host ${JSON.stringify(host ?? '')} is not this server.`
  const origin = req.headers.origin
  if (origin !== undefined && !allowed.some((a) => origin.toLowerCase() === `http://${a}`)) return `Origin ${JSON.stringify(origin)} is not this server.`
  return null
}
