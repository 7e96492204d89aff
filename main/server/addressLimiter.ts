import { AppError } from '../../shared/errors.js'

/** Password attempts one address may make in a window, whichever accounts it names. */
export const ATTEMPTS_PER_WINDOW = 10
export const WINDOW_MS = 60_000
/** Addresses remembered at once; the least recently seen are forgotten first. */
const MAX_TRACKED = 10_000

/**
 * Sign-in attempts per client address, on a team server. The core's limiter slows down
 * guesses at one account; this one slows down one client trying many accounts, which the
 * per-account limiter alone would let through at full speed (docs/team.md).
 */
export class AddressLimiter {
  private readonly attempts = new Map<string, number[]>()

  constructor(private readonly clock: () => number = Date.now) {}

  /** Counts an attempt from `address`, or refuses it before any password is looked at. */
  attempt(address: string): void {
    const now = this.clock()
    const recent = (this.attempts.get(address) ?? []).filter((t) => now - t < WINDOW_MS)
    if (recent.length >= ATTEMPTS_PER_WINDOW) {
      const retryAt = recent[0] + WINDOW_MS
      this.attempts.set(address, recent)
      throw new AppError('LIMIT_EXCEEDED', `Too many sign-in attempts from this address. Try again in ${Math.ceil((retryAt - now) / 1000)} seconds.`, {
        retryAfterSeconds: Math.ceil((retryAt - now) / 1000),
      })
    }
    recent.push(now)
    this.attempts.delete(address)
    this.attempts.set(address, recent)
    if (this.attempts.size > MAX_TRACKED) this.attempts.delete(this.attempts.keys().next().value!)
  }
}
