import { AppError } from '../../../shared/errors.js'

/** Typos are free: the delay starts after this many failures in a row. */
export const FREE_FAILURES = 3
/** The first delay; each further failure doubles it. */
export const FIRST_DELAY_MS = 1000
/** The longest wait, however many failures: long enough to make guessing hopeless, short enough for a forgetful owner. */
export const MAX_DELAY_MS = 15 * 60 * 1000
/** Accounts (or unknown emails) remembered at once; the least recently failed are forgotten first. */
const MAX_TRACKED = 10_000

interface Failures {
  failures: number
  /** No password is checked for this account before then. */
  blockedUntil: number
}

/** How long after its `failures`-th failure in a row an account refuses password checks. */
export function delayAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_MS)
}

/**
 * Failed password checks per account, for sign-in and for switching (see docs/accounts.md).
 * Keys are what the caller names (an email, lowercased), whether or not an account has it:
 * an unknown email is slowed down exactly like a known one, so the limiter's answers say
 * nothing about which accounts exist. Time comes from the library's clock, so tests move it.
 */
export class SignInLimiter {
  private readonly byKey = new Map<string, Failures>()

  constructor(private readonly clock: () => number) {}

  /** Refuses, before any password is looked at, while the account is waiting out a delay. */
  check(key: string): void {
    const record = this.byKey.get(key)
    if (!record) return
    const wait = record.blockedUntil - this.clock()
    if (wait <= 0) return
    const retryAt = record.blockedUntil
    throw new AppError(
      'LIMIT_EXCEEDED',
      `Too many wrong passwords for this account in a row. Try again in ${describeWait(wait)} (at ${new Date(retryAt).toISOString().slice(11, 19)} UTC).`,
      { retryAt, retryAfterSeconds: Math.ceil(wait / 1000) },
    )
  }

  failed(key: string): void {
    const failures = (this.byKey.get(key)?.failures ?? 0) + 1
    // Re-inserted, so the map's order is the order of the last failure: the oldest go first.
    this.byKey.delete(key)
    this.byKey.set(key, { failures, blockedUntil: this.clock() + delayAfter(failures) })
    if (this.byKey.size > MAX_TRACKED) this.byKey.delete(this.byKey.keys().next().value!)
  }

  succeeded(key: string): void {
    this.byKey.delete(key)
  }
}

function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000)
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`
  const minutes = Math.ceil(seconds / 60)
  return minutes === 1 ? '1 minute' : `${minutes} minutes`
}

/** One bucket per account, whichever way its password is tried. */
export function accountKey(email: string): string {
  return email.toLowerCase()
}
