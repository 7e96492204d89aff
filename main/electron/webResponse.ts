import { Readable } from 'node:stream'
import type { ErrorShape } from '../../shared/errors.js'

/**
 * A Node stream as a fetch Response body without reading it into memory; cancelling the
 * response (an image scrolled away, a seek in a video) destroys the file stream.
 */
export function streamBody(stream: Readable): BodyInit {
  return Readable.toWeb(stream) as unknown as BodyInit
}

/** What the session cannot see is simply not there (docs/permissions.md: nothing is revealed). */
export function statusFor(error: ErrorShape): number {
  switch (error.code) {
    case 'NOT_FOUND':
    case 'FORBIDDEN':
    case 'UNAUTHENTICATED':
      return 404
    case 'INVALID_INPUT':
      return typeof error.details?.size === 'number' ? 416 : 400
    default:
      return 500
  }
}

export function errorResponse(error: ErrorShape): Response {
  const status = statusFor(error)
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' }
  if (status === 416) headers['content-range'] = `bytes */${error.details!.size as number}`
  // A refusal says no more than "not found": the message of a hidden asset could name it.
  const body = status === 404 ? { code: 'NOT_FOUND', message: 'Not found.' } : error
  return new Response(JSON.stringify(body), { status, headers })
}
