import { z } from 'zod'

/** A channel: its input schema (checked in main before any work) and its result type. */
export interface ChannelDef<I extends z.ZodType, R> {
  input: I
  /** Phantom: carries the result type, never read at run time. */
  result?: R
  /** Channels that change nothing may be answered while a view-as is active without any log entry. */
  readonly mutates: boolean
}

/** `query<R>()(schema)` reads; `command<R>()(schema)` changes the library. */
export const query = <R>() => <I extends z.ZodType>(input: I): ChannelDef<I, R> => ({ input, mutates: false })
export const command = <R>() => <I extends z.ZodType>(input: I): ChannelDef<I, R> => ({ input, mutates: true })
