import { AppError } from '../../../shared/errors.js'

/**
 * A commit refused because another process committed first: the change was prepared on a
 * state that is no longer the last. The dispatcher catches up and runs the handler again
 * (docs/team.md); should it still reach a caller, it reads as a conflict and names nothing.
 */
export class SeqMoved extends AppError {
  /** The seq the log had reached when it refused; not part of what callers are shown. */
  readonly logSeq: number

  constructor(logSeq: number) {
    super('CONFLICT', 'The library was changed by someone else at the same moment. Try again.')
    this.logSeq = logSeq
  }
}
