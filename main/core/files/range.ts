/**
 * A single `Range: bytes=...` request (RFC 9110 section 14.1.2). Several ranges in one
 * request are answered with the whole file, which the RFC allows; so is a header we cannot
 * read. `end` alone is a suffix length, as openContent takes it.
 */
export function parseRange(header: string | null | undefined): { start?: number; end?: number } | undefined {
  if (!header) return undefined
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!m || (m[1] === '' && m[2] === '')) return undefined
  const start = m[1] === '' ? undefined : Number(m[1])
  const end = m[2] === '' ? undefined : Number(m[2])
  if (start !== undefined && end !== undefined && end < start) return undefined
  return { start, end }
}
