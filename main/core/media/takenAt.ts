/**
 * Dates taken as the file states them, never converted through the machine's time zone:
 * a date without an offset is the wall-clock time where the photo was taken, and stays so
 * ("2023-07-14T23:30:00"); with an offset it keeps it ("2023-07-14T23:30:00+02:00"). The
 * first ten characters are always the day it was taken there, which is what a date filter
 * compares. See docs/metadata.md.
 */

function valid(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 24 && mi <= 59 && s <= 60
}

/** "+02:00", "-0500", "Z" → "+02:00" / "-05:00" / "Z"; anything else → "". */
export function offsetOf(text: string | undefined): string {
  const m = /^\s*(?:(Z)|([+-])(\d{2}):?(\d{2}))\s*$/.exec(text ?? '')
  if (!m) return ''
  if (m[1]) return 'Z'
  const hours = Number(m[3])
  const minutes = Number(m[4])
  return hours <= 14 && minutes <= 59 ? `${m[2]}${m[3]}:${m[4]}` : ''
}

/** EXIF's "YYYY:MM:DD HH:MM:SS" with its SubSecTime… and OffsetTime… companions. */
export function fromExif(text: string | undefined, subSec?: string, offset?: string): string | undefined {
  const m = /^\s*(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(text ?? '')
  if (!m) return undefined
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number)
  if (!valid(y, mo, d, h, mi, s)) return undefined
  const fraction = /^\d+$/.test(subSec?.trim() ?? '') ? `.${subSec!.trim()}` : ''
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${fraction}${offsetOf(offset)}`
}

/** XMP's ISO 8601 form, which may stop at the day and may carry its own offset. */
export function fromXmp(text: string | undefined): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?\s*$/.exec(text ?? '')
  if (!m) return undefined
  const [y, mo, d] = [m[1], m[2], m[3]].map(Number)
  if (!valid(y, mo, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0))) return undefined
  const day = `${m[1]}-${m[2]}-${m[3]}`
  if (m[4] === undefined) return day
  return `${day}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}${offsetOf(m[8])}`
}

/** IPTC's DateCreated "YYYYMMDD" and TimeCreated "HHMMSS±HHMM". */
export function fromIptc(date: string | undefined, time: string | undefined): string | undefined {
  const d = /^\s*(\d{4})-?(\d{2})-?(\d{2})\s*$/.exec(date ?? '')
  if (!d || !valid(Number(d[1]), Number(d[2]), Number(d[3]))) return undefined
  const day = `${d[1]}-${d[2]}-${d[3]}`
  const t = /^\s*(\d{2}):?(\d{2}):?(\d{2})(.*)$/.exec(time ?? '')
  if (!t || !valid(2000, 1, 1, Number(t[1]), Number(t[2]), Number(t[3]))) return day
  return `${day}T${t[1]}:${t[2]}:${t[3]}${offsetOf(t[4])}`
}

/** The day a stored date taken falls on where it was taken: what a date filter compares. */
export function dayTaken(takenAt: string): string {
  return takenAt.slice(0, 10)
}
