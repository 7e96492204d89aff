import { describe, expect, it } from 'vitest'
import { parseRange } from '../../../../main/core/files/range.js'

describe('parseRange', () => {
  it('reads a single range, an open-ended one and a suffix', () => {
    expect(parseRange('bytes=0-99')).toEqual({ start: 0, end: 99 })
    expect(parseRange('bytes=100-')).toEqual({ start: 100, end: undefined })
    expect(parseRange('bytes=-500')).toEqual({ start: undefined, end: 500 })
  })

  it('ignores what it cannot serve as one range, so the whole file goes (RFC 9110 allows it)', () => {
    for (const h of [undefined, '', 'bytes=-', 'bytes=5-1', 'bytes=0-1,4-5', 'items=0-1', 'bytes=a-b']) expect(parseRange(h)).toBeUndefined()
  })
})
