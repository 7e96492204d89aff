/** Errors cross every boundary as data: `{code, message, details}` (docs/architecture.md). */

export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'LIMIT_EXCEEDED',
  'CANNOT_LOWER',
  'UNAUTHENTICATED',
  'CANCELLED',
  'LIBRARY_LOCKED',
  'LIBRARY_CORRUPT',
  'LIBRARY_TOO_NEW',
  'LIBRARY_TOO_LARGE',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorShape {
  code: ErrorCode
  message: string
  details?: Record<string, unknown>
}

export class AppError extends Error implements ErrorShape {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }
  toJSON(): ErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}

export function isErrorShape(value: unknown): value is ErrorShape {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.code === 'string' && (ERROR_CODES as readonly string[]).includes(v.code) && typeof v.message === 'string'
}

/** Rebuilds an AppError from its wire shape, so callers on both sides can `catch (e) { e.code }`. */
export function fromErrorShape(shape: ErrorShape): AppError {
  return new AppError(shape.code, shape.message, shape.details)
}
