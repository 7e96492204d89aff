import type { ServerResponse } from 'node:http'
import type { Envelope } from '../../../shared/bridge.js'
import type { ErrorCode, ErrorShape } from '../../../shared/errors.js'

/** The HTTP status that goes with each error code; the body is the Envelope whatever the status. */
const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CANNOT_LOWER: 409,
  CANCELLED: 409,
  LIMIT_EXCEEDED: 422,
  LIBRARY_LOCKED: 503,
  LIBRARY_CORRUPT: 503,
  LIBRARY_TOO_NEW: 503,
  LIBRARY_TOO_LARGE: 503,
  INTERNAL: 500,
}

export function statusFor(code: ErrorCode): number {
  return STATUS[code] ?? 500
}

/** Headers every response carries: no sniffing a type, no framing by another page. */
export const BASE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const

export function sendJson(res: ServerResponse, status: number, body: Envelope, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...extra,
  })
  res.end(text)
}

export function sendValue(res: ServerResponse, value: unknown): void {
  sendJson(res, 200, { ok: true, value: value === undefined ? null : value })
}

export function sendError(res: ServerResponse, error: ErrorShape, status = statusFor(error.code), extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  sendJson(res, status, { ok: false, error }, extra)
}
