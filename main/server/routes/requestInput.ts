import type { IncomingMessage } from 'node:http'
import { AppError } from '../../../shared/errors.js'

/**
 * A percent-encoded part of an address, decoded. A malformed escape (`%E0%A4%A`) or one
 * that decodes to no text is the client's mistake: INVALID_INPUT (400), never a failure
 * inside the app.
 */
export function decodeSegment(raw: string, what: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    throw new AppError('INVALID_INPUT', `The ${what} in the address is not valid percent-encoded text.`, { [what]: raw.slice(0, 200) })
  }
}

/** The request's address; one Node's parser passed but WHATWG URL cannot read (`//[`) is bad input too. */
export function parseRequestUrl(req: IncomingMessage): URL {
  try {
    return new URL(req.url ?? '/', 'http://localhost')
  } catch {
    throw new AppError('INVALID_INPUT', 'The address of the request cannot be read.')
  }
}

/** The browser went away before its request was complete (a closed tab, a cancelled upload). */
export class ClientDisconnected extends Error {
  constructor() {
    super('The browser disconnected before the request was complete.')
  }
}

/** True when reading `req` failed because the connection closed under it, not because of anything in the app. */
export function isDisconnect(req: IncomingMessage, error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return req.destroyed && (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || (error as Error | null)?.message === 'aborted')
}

/**
 * A disconnect is not a failure of the app: one line says so, with no stack trace, so the
 * log keeps room for what needs a look.
 */
export function logDisconnect(what: string): void {
  console.warn(`[trove] ${what}: the browser disconnected before the request was complete.`)
}
