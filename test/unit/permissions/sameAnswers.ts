import { expect } from 'vitest'

/**
 * Many named answers against what they should be, in one assertion: tens of thousands of expect
 * calls and deep comparisons cost more than the engines they check, and took the random-library
 * tests past their timeout on a busy machine. Answers are told apart as text first, which is
 * cheap; those that differ go through toEqual, whose diff names where each was asked.
 */
export function expectSameAnswers(got: Record<string, unknown>, want: Record<string, unknown>): void {
  expect(Object.keys(got)).toEqual(Object.keys(want))
  const differ = Object.keys(want).filter((k) => JSON.stringify(got[k]) !== JSON.stringify(want[k]))
  expect(Object.fromEntries(differ.map((k) => [k, got[k]]))).toEqual(Object.fromEntries(differ.map((k) => [k, want[k]])))
}
