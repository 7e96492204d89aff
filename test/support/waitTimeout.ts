/**
 * How long a wait for a condition (expect.poll, Testing Library's findBy and waitFor) goes on
 * before it fails. Their own default, one second, made each such wait a timed assertion that a
 * busy machine failed now and then. Below testTimeout, so that a wait that never ends still
 * fails with what it waited for rather than with the test's timeout.
 */
export const WAIT_TIMEOUT = 20_000
