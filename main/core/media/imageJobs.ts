import type { Id } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { Core } from '../context.js'

/**
 * How many image operations (edits, auto tags, background removal) one user may have running
 * at once. Each holds hundreds of megabytes while it runs, so a few parallel calls from one
 * user could take the app down for everyone. A call past the cap is refused at once with
 * LIMIT_EXCEEDED rather than queued: the app's own dialogs run one at a time, so only a
 * script meets the cap, and a refusal it can retry beats a queue that holds its memory.
 */
export const IMAGE_JOBS_PER_USER = 2

const running = new WeakMap<Core, Map<Id, number>>()

/** Takes one of the user's image slots (or refuses); call the returned function, once, when the work is over. */
export function takeImageSlot(core: Core, userId: Id): () => void {
  let counts = running.get(core)
  if (!counts) running.set(core, (counts = new Map()))
  const now = counts.get(userId) ?? 0
  if (now >= IMAGE_JOBS_PER_USER) {
    throw new AppError('LIMIT_EXCEEDED', `You already have ${IMAGE_JOBS_PER_USER} image operations running; try again when one has finished.`, {
      limit: IMAGE_JOBS_PER_USER,
    })
  }
  counts.set(userId, now + 1)
  let released = false
  return () => {
    if (released) return
    released = true
    const left = (counts.get(userId) ?? 1) - 1
    if (left > 0) counts.set(userId, left)
    else counts.delete(userId)
  }
}
