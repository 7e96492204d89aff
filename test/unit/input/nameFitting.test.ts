import { describe, expect, it } from 'vitest'
import { MAX_FREE_NAME_ATTEMPTS, cutToLength, firstFreeName, fitName, withMarker } from '../../../shared/names.js'
import { derivedName } from '../../../renderer/components/media/SaveAsFields.js'

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}' // one grapheme of 8 code units

describe('fitting a name to 255 characters', () => {
  it('cuts between graphemes: an emoji sequence or a letter with its accent stays whole', () => {
    expect(cutToLength(FAMILY.repeat(3), 12)).toBe(FAMILY)
    expect(cutToLength('e\u0301e\u0301', 3)).toBe('e\u0301')
    expect(cutToLength('abc', 5)).toBe('abc')
  })

  it('keeps the marker whole, shortens the stem first, then the extension from its end', () => {
    expect(withMarker(`${'s'.repeat(250)}.png`, ' (copy 12)')).toBe(`${'s'.repeat(241)} (copy 12).png`)
    const name = withMarker(`a.${'e'.repeat(253)}`, ' (copy)')
    expect(name).toBe(`a (copy).${'e'.repeat(246)}`)
    expect(name.length).toBe(255)
    // A cut extension does not end in a space (a name may not).
    expect(fitName('a', ' (copy)', `.${'e'.repeat(245)} ${'f'.repeat(20)}`)).toBe(`a (copy).${'e'.repeat(245)}`)
  })

  it('gives the derived name of an edit a length the contract takes', () => {
    const name = derivedName(`${FAMILY.repeat(31)}.jpg`, 'edited', 'webp')
    expect(name.length).toBeLessThanOrEqual(255)
    expect(name.endsWith(' (edited).webp')).toBe(true)
    expect(name.startsWith(FAMILY)).toBe(true)
  })

  it('stops a search for a free name after a bounded number of tries', () => {
    let tries = 0
    expect(firstFreeName((n) => `x ${n}`, () => (tries++, false))).toBeNull()
    expect(tries).toBe(MAX_FREE_NAME_ATTEMPTS)
    expect(firstFreeName((n) => `x ${n}`, (name) => name === 'x 3')).toEqual({ name: 'x 3', n: 3 })
  })
})
