import { api } from '../api/client.js'

/**
 * Each slice registers how it forgets what it holds for the actor on show: its first state, and
 * whatever its closures keep (folders already asked about, a queue of uploads). The store's reset
 * (a user switch, a sign-out, a lost session) runs them all and drops the answers still on their
 * way (the api client, renderer/api/client.ts), so nothing of the previous actor is left in any slice, and a slice added
 * later cannot be missed by a list kept somewhere else. There is one store per window
 * (`useTrove`), so one list.
 */

const resets: Array<() => void> = []

export function onReset(reset: () => void): void {
  resets.push(reset)
}

/** Every slice back to its first state, except who acts (the session slice keeps that until main says otherwise). */
export function resetSlices(): void {
  api.dropPendingAnswers()
  for (const reset of resets) reset()
}

/** The same, for a slice written as one object: registers the reset and gives the slice back. */
export function withReset<Slice>(reset: () => void, slice: Slice): Slice {
  onReset(reset)
  return slice
}
