import type { Session } from '../core/context.js'
import type { Library } from '../core/library.js'
import { newSecret } from './security.js'

export interface SessionPolicy {
  /** A session unused this long ends (0, the default, never: a loopback browser-mode server). */
  idleMs?: number
  /** Every browser starts signed out (a team server); otherwise a single-seat library opens into its admin. */
  signInRequired?: boolean
  clock?: () => number
}

interface Entry {
  session: Session
  lastSeen: number
  onEnd: Set<() => void>
}

/** Expired sessions are looked for at most this often, besides on their own next request. */
const SWEEP_MS = 60_000

/**
 * One Session per browser session (cookie), so two browsers act as two users. A browser may
 * never make main read or write a path on this machine (`sourcePath`, `destPath`): it has a
 * file input for uploads and the zip route for downloads. On a team server a session ends
 * after its idle time and on sign-out, and what streams to it (events) is closed then.
 */
export class BrowserSessions {
  private readonly byCookie = new Map<string, Entry>()
  private readonly idleMs: number
  private readonly clock: () => number
  private lastSweep = 0

  constructor(
    private readonly library: Library,
    private readonly policy: SessionPolicy = {},
  ) {
    this.idleMs = policy.idleMs ?? 0
    this.clock = policy.clock ?? Date.now
  }

  create(): { cookie: string; session: Session } {
    this.sweep()
    const cookie = newSecret()
    const session = this.library.session(this.policy.signInRequired ? null : this.initialUser(), () => false)
    this.byCookie.set(cookie, { session, lastSeen: this.clock(), onEnd: new Set() })
    return { cookie, session }
  }

  /** The live session of this cookie; a use counts as activity. */
  get(cookie: string | null): Session | null {
    if (cookie === null) return null
    const entry = this.byCookie.get(cookie)
    if (!entry) return null
    if (this.expired(entry)) {
      this.end(cookie)
      return null
    }
    entry.lastSeen = this.clock()
    this.sweep()
    return entry.session
  }

  /** Ends a session (sign-out): its cookie is worth nothing from now on. */
  end(cookie: string): void {
    const entry = this.byCookie.get(cookie)
    if (!entry) return
    this.byCookie.delete(cookie)
    entry.session.userId = null
    entry.session.viewAsId = null
    for (const fn of entry.onEnd) fn()
  }

  /** Runs `fn` when the session of this cookie ends; returns a function that cancels it. */
  onEnd(cookie: string, fn: () => void): () => void {
    const entry = this.byCookie.get(cookie)
    entry?.onEnd.add(fn)
    return () => entry?.onEnd.delete(fn)
  }

  get size(): number {
    return this.byCookie.size
  }

  private expired(entry: Entry): boolean {
    return this.idleMs > 0 && this.clock() - entry.lastSeen >= this.idleMs
  }

  /** Ends every expired session, so that they neither hold memory nor keep an event stream open. */
  sweep(): void {
    if (this.idleMs <= 0 || this.clock() - this.lastSweep < SWEEP_MS) return
    this.lastSweep = this.clock()
    for (const [cookie, entry] of this.byCookie) if (this.expired(entry)) this.end(cookie)
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
