import { describeError } from '../../api/errors.js'

/** A refusal from main, placed: `field` names the form field it is about, when main says so. */
export interface FormError {
  field: string | null
  message: string
}

const PREFIX = /^Invalid input for [\w.]+: /

/**
 * INVALID_INPUT and CONFLICT name the field they are about (`details.field`, or the path of
 * the first schema issue); the message is rewritten to read well under that field.
 */
export function formError(error: unknown): FormError {
  const { message } = describeError(error)
  const details = (error as { details?: { field?: unknown; issues?: Array<{ path?: string }> } } | null)?.details
  const field = typeof details?.field === 'string' ? details.field : (details?.issues?.[0]?.path?.split('.')[0] ?? null)
  if (!field) return { field: null, message }
  const rest = message.replace(PREFIX, '')
  const sentence = rest === message ? message : `${rest.charAt(0).toUpperCase()}${rest.slice(1)}`
  return { field, message: sentence }
}

/** The error to show under one field, if it is about that field. */
export function errorFor(error: FormError | null, field: string): string | null {
  return error && error.field === field ? error.message : null
}

/** The error to show for the form as a whole: one that is about none of its fields. */
export function generalError(error: FormError | null, fields: string[]): string | null {
  return error && (error.field === null || !fields.includes(error.field)) ? error.message : null
}
