import type { AssetView, SessionView, UserView } from '../../../shared/views.js'
import type { Role } from '../../../shared/domain.js'

/** Records as main would describe them, with only what a test cares about spelled out. */
export function user(id: string, name: string, role: Role, extra: Partial<UserView> = {}): UserView {
  return { id, name, email: `${name.toLowerCase()}@example.com`, role, hasPassword: false, groupIds: [], createdAt: 1, ...extra }
}

export function sessionOf(actor: UserView, viewAsBy: UserView | null = null): SessionView {
  return { user: actor, viewAsBy, isAdmin: actor.role === 'admin', isRestricted: actor.role === 'restricted' }
}

export function folder(id: string, name: string, parentId: string | null, extra: Partial<AssetView> = {}): AssetView {
  return {
    id, kind: 'folder', name, parentId, path: parentId === null ? '/' : `/${name}`, createdBy: 'u-ada', createdAt: 1, updatedAt: 1,
    level: 'manage', access: 'full', childCount: 0, ...extra,
  }
}

export function file(id: string, name: string, parentId: string, extra: Partial<AssetView> = {}): AssetView {
  return {
    id, kind: 'file', name, parentId, path: `/${name}`, createdBy: 'u-ada', createdAt: 1, updatedAt: 1,
    level: 'manage', access: 'full', size: 2048, mime: 'application/pdf', currentVersion: 1, versionCount: 1, ...extra,
  }
}

/** An admin of a library with other people in it has a password: without one the app insists on one. */
export const ADA = user('u-ada', 'Ada', 'admin', { hasPassword: true })
export const RITA = user('u-rita', 'Rita', 'restricted')
