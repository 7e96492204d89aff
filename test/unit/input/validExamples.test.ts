import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { channelNames, channels } from '../../../shared/contract/index.js'
import { recordsOf } from '../../support/tempLibrary.js'
import { channelCases } from './channelCases.js'
import { makeWorld, type World } from './world.js'

/**
 * The bad inputs of badInput.test.ts are each one change away from these; were these refused
 * too, a bad input could be refused for some other reason and the test would prove nothing.
 * Run here, each also shows that a command leaves an activity entry naming who acted and a
 * query changes nothing.
 */
let w: World
beforeEach(async () => {
  w = await makeWorld()
})
afterEach(async () => w.close())

describe('the accepted input of every channel', () => {
  for (const channel of channelNames) {
    it(`is accepted by ${channel}`, async () => {
      const entry = channelCases(w)[channel]
      const before = structuredClone(recordsOf(w.library))
      const seq = w.library.core.store.seq
      const logged = new Set(w.library.core.store.tables.activity.keys())
      await expect(w.library.dispatch(w.admin.session, channel, entry.valid)).resolves.not.toBeUndefined()
      if (channels[channel].mutates) {
        const added = [...w.library.core.store.tables.activity.values()].filter((e) => !logged.has(e.id))
        expect(added.map((e) => [e.action, e.actorId])).toContainEqual([channel, w.admin.session.userId])
      } else {
        expect(w.library.core.store.seq).toBe(seq)
        expect(recordsOf(w.library)).toEqual(before)
      }
    })
  }
})
