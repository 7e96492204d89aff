import type { StateCreator } from 'zustand'
import type { Id } from '../../shared/domain.js'
import type { GroupListItem, GroupShareView } from '../../shared/views.js'
import type { InputOf } from '../../shared/contract/index.js'
import { api } from '../api/client.js'
import type { TroveState } from './types.js'
import { onReset } from './resets.js'

/**
 * Administration (admins only, docs/permissions.md): users, groups and metadata fields. Every
 * action throws, so the form or confirmation that asked shows main's reason beside itself.
 */
export interface AdminSlice {
  groups: GroupListItem[]
  adminStatus: 'idle' | 'loading' | 'ready' | 'failed'
  loadAdmin(): Promise<void>
  createUser(input: InputOf<'users.create'>): Promise<void>
  updateUser(input: InputOf<'users.update'>): Promise<void>
  deleteUser(userId: Id): Promise<void>
  createGroup(name: string): Promise<void>
  renameGroup(groupId: Id, name: string): Promise<void>
  deleteGroup(groupId: Id): Promise<void>
  addMembers(groupId: Id, userIds: Id[]): Promise<void>
  removeMembers(groupId: Id, userIds: Id[]): Promise<void>
  /** What is shared with a group, for its page. */
  groupShares(groupId: Id): Promise<GroupShareView[]>
  defineField(input: InputOf<'metadata.defineField'>): Promise<void>
  deleteField(fieldId: Id): Promise<void>
}

export const adminInitial = { groups: [], adminStatus: 'idle' } satisfies Partial<AdminSlice>

export const createAdminSlice: StateCreator<TroveState, [], [], AdminSlice> = (set, get) => {
  onReset(() => set(adminInitial))
  /** Users, groups and fields again, as main now has them (memberships show on both users and groups). */
  async function reload(): Promise<void> {
    const [users, groups, fields] = await Promise.all([api.call('users.list'), api.call('groups.list'), api.call('metadata.fields')])
    set({ users, groups, fields, adminStatus: 'ready' })
  }

  return {
    ...adminInitial,

    async loadAdmin() {
      if (get().adminStatus === 'idle') set({ adminStatus: 'loading' })
      try {
        await reload()
      } catch (error) {
        set({ adminStatus: 'failed' })
        get().reportError(error)
      }
    },

    async createUser(input) {
      await api.call('users.create', input)
      await reload()
      // A second account: an admin without a password is asked for one (see store/people.ts).
      set({ ownPasswordAsked: true })
    },

    async updateUser(input) {
      await api.call('users.update', input)
      await reload()
    },

    async deleteUser(userId) {
      await api.call('users.delete', { userId })
      await reload()
    },

    async createGroup(name) {
      await api.call('groups.create', { name })
      await reload()
    },

    async renameGroup(groupId, name) {
      await api.call('groups.rename', { groupId, name })
      await reload()
    },

    async deleteGroup(groupId) {
      await api.call('groups.delete', { groupId })
      await reload()
    },

    async addMembers(groupId, userIds) {
      await api.call('groups.addMembers', { groupId, userIds })
      await reload()
    },

    groupShares(groupId) {
      return api.call('groups.shares', { groupId })
    },

    async removeMembers(groupId, userIds) {
      await api.call('groups.removeMembers', { groupId, userIds })
      await reload()
    },

    async defineField(input) {
      await api.call('metadata.defineField', input)
      await reload()
    },

    async deleteField(fieldId) {
      await api.call('metadata.deleteField', { fieldId })
      await reload()
    },
  }
}
