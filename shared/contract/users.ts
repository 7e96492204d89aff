import { z } from 'zod'
import type { UserListItem, UserView } from '../views.js'
import { command, query } from './define.js'
import { emailSchema, empty, idSchema, nameSchema, passwordSchema } from './common.js'
import { ROLES } from '../domain.js'

/** Accounts; handled in main/core/users/. */
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
