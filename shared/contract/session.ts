import { z } from 'zod'
import type { GroupListItem, GroupView, SessionView, UserListItem, UserView } from '../views.js'
import { command, query } from './define.js'
import { emailSchema, empty, idSchema, idsSchema, nameSchema, passwordSchema } from './common.js'
import { ROLES } from '../domain.js'

export const sessionChannels = {
  /** Who is acting in this session, and who is behind a view-as. */
  'session.current': query<SessionView>()(empty),
  'session.signIn': query<SessionView>()(z.object({ email: emailSchema, password: z.string().max(1024).optional() }).strict()),
  'session.switchUser': query<SessionView>()(z.object({ userId: idSchema, password: z.string().max(1024).optional() }).strict()),
  /** Admins only: act as a restricted user without their password; every check is made as them. */
  'session.viewAs': query<SessionView>()(z.object({ userId: idSchema }).strict()),
  'session.endViewAs': query<SessionView>()(empty),
}

export const userChannels = {
  /** Everyone; a restricted caller gets each user's id and name only. */
  'users.list': query<UserListItem[]>()(empty),
  'users.create': command<UserView>()(
    z.object({ name: nameSchema, email: emailSchema, role: z.enum(ROLES), password: passwordSchema.optional() }).strict(),
  ),
  /** `password: null` removes the password. */
  'users.update': command<UserView>()(
    z
      .object({
        userId: idSchema,
        name: nameSchema.optional(),
        email: emailSchema.optional(),
        role: z.enum(ROLES).optional(),
        password: passwordSchema.nullable().optional(),
      })
      .strict(),
  ),
  'users.delete': command<{ deleted: string }>()(z.object({ userId: idSchema }).strict()),
}

export const groupChannels = {
  /** Every group; a restricted caller gets id and name, and the members of their own groups only. */
  'groups.list': query<GroupListItem[]>()(empty),
  'groups.create': command<GroupView>()(z.object({ name: nameSchema }).strict()),
  'groups.rename': command<GroupView>()(z.object({ groupId: idSchema, name: nameSchema }).strict()),
  'groups.delete': command<{ deleted: string }>()(z.object({ groupId: idSchema }).strict()),
  'groups.addMembers': command<GroupView>()(z.object({ groupId: idSchema, userIds: idsSchema }).strict()),
  'groups.removeMembers': command<GroupView>()(z.object({ groupId: idSchema, userIds: idsSchema }).strict()),
}
