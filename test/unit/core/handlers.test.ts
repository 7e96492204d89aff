import fs from 'node:fs'
import path from 'node:path'
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

  // docs/architecture.md: a channel's prefix names its contract file and its core folder.
  it('finds each channel under its prefix: shared/contract/<prefix>.ts and main/core/<prefix>/', async () => {
    const root = path.resolve(__dirname, '../../..')
    const prefixes = [...new Set(channelNames.map((c) => c.split('.')[0]))]
    const misplaced: string[] = []
    for (const prefix of prefixes) {
      const section = await import(path.join(root, 'shared/contract', `${prefix}.ts`))
      const defined = Object.entries(section).filter(([name]) => name.endsWith('Channels')).flatMap(([, v]) => Object.keys(v as object))
      const expected = channelNames.filter((c) => c.startsWith(`${prefix}.`))
      if ([...defined].sort().join() !== [...expected].sort().join()) misplaced.push(`shared/contract/${prefix}.ts`)
      if (!fs.existsSync(path.join(root, 'main/core', prefix))) misplaced.push(`main/core/${prefix}/`)
    }
    expect(misplaced).toEqual([])
  })
})
