import type { Level, Role } from '../../shared/domain.js'

/** The names the app shows for the roles, as docs/permissions.md gives them. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  developer: 'Developer',
  fullAccess: 'Full access',
  restricted: 'Restricted',
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`
}

// The store sorts by it too, and the store imports nothing from components.
export { typeLabel } from '../store/typeLabel.js'

export function itemCount(n: number): string {
  return n === 1 ? '1 item' : `${n} items`
}

/** The names the app shows for the levels, as docs/permissions.md gives them. */
export const LEVEL_LABELS: Record<Level, string> = {
  view: 'Can view',
  contribute: 'Can contribute',
  manage: 'Can manage',
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })

export function formatDate(ms: number): string {
  return dateFormat.format(ms)
}

export function formatDateTime(ms: number): string {
  return dateTimeFormat.format(ms)
}

const wallClockFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })
const wallDayFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })

/**
 * A date taken as the file states it: the wall-clock time where it was taken, not moved into
 * the viewer's time zone, followed by its offset when the file gives one.
 */
export function formatTaken(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?[.\d]*(Z|[+-]\d{2}:\d{2})?)?$/.exec(iso)
  if (!m) return iso
  const [y, mo, d, h, mi] = m.slice(1, 6).map((v) => Number(v ?? 0))
  const ms = Date.UTC(y, mo - 1, d, h, mi)
  if (m[4] === undefined) return wallDayFormat.format(ms)
  const offset = m[7] === undefined ? '' : m[7] === 'Z' ? ' UTC' : ` (UTC${m[7]})`
  return `${wallClockFormat.format(ms)}${offset}`
}

const compactFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** For narrow columns: the same moment without leading zeros. */
export function formatCompactDateTime(ms: number): string {
  return compactFormat.format(ms)
}

/** 83.4 → "1:23", 3725 → "1:02:05". */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

export function dimensions(width?: number, height?: number): string | null {
  return width && height ? `${width} × ${height}` : null
}
