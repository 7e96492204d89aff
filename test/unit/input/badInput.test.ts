import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelNames, type ChannelName } from '../../../shared/contract/index.js'
import { derivedCases, type BadCase } from './cases.js'
import { channelCases } from './channelCases.js'
import { expectRefusedUnchanged, makeWorld, type World } from './world.js'

let w: World
beforeAll(async () => {
  w = await makeWorld()
})
afterAll(async () => w.close())

function describeInput(input: unknown): string {
  const text = JSON.stringify(input) ?? String(input)
  return text.length > 120 ? `${text.slice(0, 120)}…` : text
}

async function expectCase(channel: ChannelName, c: BadCase): Promise<void> {
  const error = await expectRefusedUnchanged(w.library, w.admin.session, channel, c.input, c.code)
  if (c.code === 'INVALID_INPUT' || c.code === 'NOT_FOUND') expect(error.details, `${channel}, ${c.why}: details`).toBeTypeOf('object')
  if (c.mentions !== undefined) {
    const said = JSON.stringify({ message: error.message, details: error.details }).toLowerCase()
    expect(said, `${channel}, ${c.why}: the error should name ${c.mentions}`).toContain(c.mentions.toLowerCase())
  }
}

describe('bad input on every channel', () => {
  it('has cases for every channel of the contract, and for no other', async () => {
    const world = await makeWorld()
    try {
      expect(Object.keys(channelCases(world)).sort()).toEqual([...channelNames].sort())
    } finally {
      await world.close()
    }
  })

  for (const channel of channelNames) {
    it(`${channel}: every bad input is refused and changes nothing`, async () => {
      const entry = channelCases(w)[channel]
      expect(entry, `no cases for ${channel}`).toBeDefined()
      const cases = [...derivedCases(w, entry), ...entry.cases]
      for (const c of cases) {
        try {
          await expectCase(channel, c)
        } catch (error) {
          ;(error as Error).message = `${channel} with ${c.why} (${describeInput(c.input)}): ${(error as Error).message}`
          throw error
        }
      }
    })
  }

  it('refuses a channel the contract does not define', async () => {
    for (const name of ['assets.explode', 'toString', '__proto__', 'constructor', 'hasOwnProperty', '', 'assets.list ', 'ASSETS.LIST']) {
      const error = await expectRefusedUnchanged(w.library, w.admin.session, name, { folderId: w.homeId }, 'INVALID_INPUT')
      expect(error.message).toMatch(/no channel/i)
    }
  })
})
