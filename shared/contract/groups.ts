import { z } from 'zod'
import type { GroupListItem, GroupShareView, GroupView } from '../views.js'
import { command, query } from './define.js'
import { empty, idSchema, idsSchema, nameSchema } from './common.js'

/** Groups of restricted users, which grants can name; handled in main/core/groups/. */
export const groupChannels = {
  /** Every group; a restricted caller gets id and name, and the members of their own groups only. */
  'groups.list': query<GroupListItem[]>()(empty),
  'groups.create': command<GroupView>()(z.object({ name: nameSchema }).strict()),
  'groups.rename': command<GroupView>()(z.object({ groupId: idSchema, name: nameSchema }).strict()),
  'groups.delete': command<{ deleted: string }>()(z.object({ groupId: idSchema }).strict()),
  'groups.addMembers': command<GroupView>()(z.object({ groupId: idSchema, userIds: idsSchema }).strict()),
  'groups.removeMembers': command<GroupView>()(z.object({ groupId: idSchema, userIds: idsSchema }).strict()),
  /** Admins only: what is shared with the group (each grant naming it), files and folders by path, then collections. */
  'groups.shares': query<GroupShareView[]>()(z.object({ groupId: idSchema }).strict()),
}
