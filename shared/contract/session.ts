import { z } from 'zod'
import type { SessionView } from '../views.js'
import { query } from './define.js'
import { emailSchema, empty, idSchema } from './common.js'

/** Who acts in this window or tab; handled in main/core/session/ (these run before anyone has signed in). */
export const sessionChannels = {
  /** Who is acting in this session, and who is behind a view-as. */
  'session.current': query<SessionView>()(empty),
  'session.signIn': query<SessionView>()(z.object({ email: emailSchema, password: z.string().max(1024).optional() }).strict()),
  'session.switchUser': query<SessionView>()(z.object({ userId: idSchema, password: z.string().max(1024).optional() }).strict()),
  /** Admins only: act as a restricted user without their password; every check is made as them. */
  'session.viewAs': query<SessionView>()(z.object({ userId: idSchema }).strict()),
  'session.endViewAs': query<SessionView>()(empty),
}
