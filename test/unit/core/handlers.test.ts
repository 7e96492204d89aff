import { describe, expect, it } from 'vitest'
import { channelNames } from '../../../shared/contract/index.js'
import { channelHandlers, mergeHandlers, missingHandlers, sessionChannelHandlers } from '../../../main/core/handlers.js'

describe('handler registry', () => {
  it('has a handler for every channel of the contract', () => {
    expect(missingHandlers()).toEqual([])
  })

  it('has no handler for a channel the contract does not define', () => {
    const known = new Set<string>(channelNames)
    const extra = [...Object.keys(channelHandlers), ...Object.keys(sessionChannelHandlers)].filter((c) => !known.has(c))
    expect(extra).toEqual([])
  })

  it('refuses two handlers for one channel', () => {
    expect(() => mergeHandlers({ 'assets.get': () => 1 }, { 'assets.get': () => 2 })).toThrow(/assets.get has two handlers/)
  })
})
