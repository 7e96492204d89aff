import type { Session } from '../core/context.js'
import type { Library } from '../core/library.js'
import { newSecret } from './security.js'

/**
 * One Session per browser session (cookie), so two browsers act as two users. A browser may
 * never make main read or write a path on this machine (`sourcePath`, `destPath`): it has a
 * file input for uploads and the zip route for downloads.
 */
export class BrowserSessions {
  private readonly byCookie = new Map<string, Session>()

  constructor(private readonly library: Library) {}

  create(): { cookie: string; session: Session } {
    const cookie = newSecret()
    const session = this.library.session(this.initialUser(), () => false)
    this.byCookie.set(cookie, session)
    return { cookie, session }
  }

  get(cookie: string | null): Session | null {
    return cookie === null ? null : (this.byCookie.get(cookie) ?? null)
  }

  get size(): number {
    return this.byCookie.size
  }

  /**
   * A single-seat library (its first admin has no password) opens straight into that admin,
   * as the desktop app does; once the admin has a password, a browser must sign in.
   */
  private initialUser(): string | null {
    const id = this.library.firstAdminId
    if (id === null) return null
    return this.library.core.store.tables.users.get(id)?.passwordHash === undefined ? id : null
  }
}
