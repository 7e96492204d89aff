import type { z } from 'zod'
import { ILL_FORMED_MESSAGE, illFormedPath } from './common.js'

/** A channel: its input schema (checked in main before any work) and its result type. */
export interface ChannelDef<I extends z.ZodType, R> {
  input: I
  /** Phantom: carries the result type, never read at run time. */
  result?: R
  /**
   * Whether the channel may change the library. Only a command's handler may commit (a query's
   * commit is refused in main/core/context.ts), and every command's change gets an activity entry.
   */
  readonly mutates: boolean
}

/**
 * Every string a channel takes, at any depth and in object keys too, must be well-formed
 * Unicode: a lone surrogate stored in a name could never be written to disk, put in a URL or
 * sent in a header again. Checked here once, so no channel's schema can forget it.
 */
function wellFormed<I extends z.ZodType>(input: I): I {
  return input.superRefine((value, ctx) => {
    const path = illFormedPath(value)
    if (path) ctx.addIssue({ code: 'custom', path, message: ILL_FORMED_MESSAGE })
  })
}

/** `query<R>()(schema)` reads; `command<R>()(schema)` changes the library. */
export const query = <R>() => <I extends z.ZodType>(input: I): ChannelDef<I, R> => ({ input: wellFormed(input), mutates: false })
export const command = <R>() => <I extends z.ZodType>(input: I): ChannelDef<I, R> => ({ input: wellFormed(input), mutates: true })
