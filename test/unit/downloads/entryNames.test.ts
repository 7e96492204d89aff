import { describe, expect, it } from 'vitest'
import { EntryNamer, safeSegment } from '../../../main/core/downloads/entryNames.js'

const isWellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s)

describe('zip entry names', () => {
  it('number a clash of a 255-character name within 255 characters, keeping " (2)" and the extension', () => {
    const namer = new EntryNamer()
    const name = `${'n'.repeat(251)}.jpg`
    expect(namer.claim('', name)).toBe(name)
    const second = namer.claim('', name)
    expect(second).toMatch(/^n+ \(2\)\.jpg$/)
    expect(second.length).toBe(255)
  })

  it('cut an over-long name between characters, never inside an emoji', () => {
    // Names stored before lengths were counted after normalisation can be longer than 255.
    const cut = safeSegment('\u{1F600}'.repeat(200))
    expect(isWellFormed(cut)).toBe(true)
    expect(cut.length).toBeLessThanOrEqual(255)
  })

  it('go on numbering where they left off, past names that are taken literally', () => {
    const namer = new EntryNamer()
    expect(['a.txt', 'a (3).txt', 'a.txt', 'a.txt', 'A.TXT'].map((n) => namer.claim('dir', n))).toEqual([
      'dir/a.txt',
      'dir/a (3).txt',
      'dir/a (2).txt',
      'dir/a (4).txt',
      'dir/A (5).TXT',
    ])
  })
})
