import type { ErrorCode } from '../../shared/errors.js'

export interface ShownError {
  code: ErrorCode | 'UNKNOWN'
  message: string
}

/** What a person reads: main's messages are written for them; anything else gets a plain sentence. */
export function describeError(error: unknown): ShownError {
  if (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string') {
    const e = error as { code: ErrorCode; message?: string }
    return { code: e.code, message: e.message || 'Something went wrong.' }
  }
  return { code: 'UNKNOWN', message: `Something went wrong: ${error instanceof Error ? error.message : String(error)}` }
}

/** The browser has no session on the server (no cookie, or the server restarted). */
export function isDisconnected(error: unknown): boolean {
  const e = error as { code?: string; details?: { reason?: string } } | null
  return e?.code === 'UNAUTHENTICATED' && e.details?.reason === 'noBrowserSession'
}

export function isSignedOut(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'UNAUTHENTICATED' && !isDisconnected(error)
}
