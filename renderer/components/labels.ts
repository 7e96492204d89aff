import type { Level, Role } from '../../shared/domain.js'

/** The seeds' names for the roles. */
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

/** A short type label: the extension when there is one, else the MIME subtype. */
export function typeLabel(name: string, mime?: string): string {
  const dot = name.lastIndexOf('.')
  if (dot > 0 && dot < name.length - 1 && name.length - dot <= 6) return name.slice(dot + 1).toUpperCase()
  return (mime?.split('/')[1] ?? 'file').toUpperCase()
}

export function itemCount(n: number): string {
  return n === 1 ? '1 item' : `${n} items`
}

/** The seeds' names for the levels. */
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

const compactFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** For narrow columns: the same moment without leading zeros. */
export function formatCompactDateTime(ms: number): string {
  return compactFormat.format(ms)
}

export function dimensions(width?: number, height?: number): string | null {
  return width && height ? `${width} × ${height}` : null
}
