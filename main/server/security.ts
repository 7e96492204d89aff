import type { IncomingMessage } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'

/** Browser mode listens on loopback only; nothing else on the network can reach it. A team server may listen wider (serveOptions.ts). */
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
 * overwrite each other's cookie under a shared name. Under TLS the `__Host-` prefix makes the
 * browser refuse the cookie unless it is Secure, for this host only, and for every path.
 */
export function cookieName(port: number, secure = false): string {
  return `${secure ? '__Host-' : ''}trove_session_${port}`
}

/**
 * HttpOnly: page scripts never see it; SameSite=Strict: no other site's page can send it;
 * Secure under TLS: never sent over plain HTTP, where anyone on the path could read it.
 */
export function sessionCookie(name: string, value: string, secure = false): string {
  return `${name}=${value}; HttpOnly; SameSite=Strict; Path=/${secure ? '; Secure' : ''}`
}

/** Tells the browser to forget the cookie. */
export function expiredCookie(name: string, secure = false): string {
  return `${sessionCookie(name, '', secure)}; Max-Age=0`
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

/** The `Host` values and origins that name this server. */
export interface HostPolicy {
  hosts: string[]
  origins: string[]
}

/**
 * The loopback names of this very port, and the public address a team server is reached by
 * (`--public-url`), the one name a browser elsewhere uses for it.
 */
export function hostPolicy(port: number, options: { tls?: boolean; publicUrl?: URL } = {}): HostPolicy {
  const scheme = options.tls ? 'https' : 'http'
  const hosts = [`${LOOPBACK}:${port}`, `localhost:${port}`]
  const origins = hosts.map((h) => `${scheme}://${h}`)
  if (options.publicUrl) {
    hosts.push(options.publicUrl.host.toLowerCase())
    origins.push(options.publicUrl.origin.toLowerCase())
  }
  return { hosts, origins }
}

/**
 * DNS rebinding: a foreign site can point its own name at this server, but its requests then
 * carry that name in `Host`, and any cross-site request carries a foreign `Origin`. Only the
 * names in the policy are accepted. Returns why a request is refused, or null.
 */
export function foreignRequest(req: IncomingMessage, policy: HostPolicy): string | null {
  const host = req.headers.host?.toLowerCase()
  if (!host || !policy.hosts.includes(host)) return `Host ${JSON.stringify(host ?? '')} is not this server.`
  const origin = req.headers.origin
  if (origin !== undefined && !policy.origins.includes(origin.toLowerCase())) return `Origin ${JSON.stringify(origin)} is not this server.`
  return null
}
