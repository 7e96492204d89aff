import { expect } from 'vitest'
import { expectRefused } from '../../support/tempLibrary.js'
import type { World } from './world.js'

/** How one row of a permission table (docs/permissions.md) is checked with real calls. */
export interface RowCheck<C> {
  /** Real calls: when allowed each succeeds (in order); when not, each is refused on its own. */
  steps?: ((c: C) => Promise<unknown>)[]
  /** Listings never refuse: when allowed they show the asset, when not they leave it out. */
  shows?: ((c: C) => Promise<boolean>)[]
  /** No channel performs the operation yet: reported as a todo naming what is missing. */
  pending?: string
}

/**
 * One row at one level: allowed, every call succeeds and every listing shows it; refused, every
 * call is refused, listings leave it out, and nothing changes. What she cannot see at all
 * (`level` none) is reported missing, so a refusal reveals nothing.
 */
export async function expectRow<C>(w: World, check: RowCheck<C>, c: C, allowed: boolean, level: string): Promise<void> {
  expect(check.steps?.length, 'every row performs at least one real call').toBeGreaterThan(0)
  if (allowed) {
    for (const step of check.steps ?? []) await step(c)
    for (const shows of check.shows ?? []) expect(await shows(c)).toBe(true)
    return
  }
  const code = level === 'none' ? 'NOT_FOUND' : 'FORBIDDEN'
  const seq = w.t.library.core.store.seq
  for (const step of check.steps ?? []) await expectRefused(step(c), code)
  for (const shows of check.shows ?? []) expect(await shows(c)).toBe(false)
  expect(w.t.library.core.store.seq, 'a refused request changes nothing').toBe(seq)
}
