import type { Role } from '../../shared/domain.js'

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
