import { describe, expect, it } from 'vitest'
import { fitRatio, flip, initialEdit, rotate, setRatio, toOps, type EditState } from '../../../renderer/components/media/editState.js'
import { resizeRect, spanRect } from '../../../renderer/components/media/rectMath.js'

const W = 400
const H = 300

/** Where a normalised point of the original lands on screen after the edit's turn and flips. */
function shown(state: EditState, p: { x: number; y: number }) {
  let { x, y } = p
  for (let r = 0; r < state.rotation; r += 90) [x, y] = [1 - y, x]
  if (state.flipH) x = 1 - x
  if (state.flipV) y = 1 - y
  return { x, y }
}

describe('the edit state behind the preview', () => {
  it('turns the crop with the image, so it stays on the same pixels', () => {
    const cropped: EditState = { ...initialEdit, crop: { x: 0.1, y: 0.2, width: 0.3, height: 0.4 } }
    const turned = rotate(cropped, 'right', W, H)
    // The crop's top-left corner of the original is now its top-right corner on screen.
    const corner = shown(turned, { x: 0.1, y: 0.2 })
    expect(corner.x).toBeCloseTo(turned.crop.x + turned.crop.width)
    expect(corner.y).toBeCloseTo(turned.crop.y)
    expect(rotate(turned, 'left', W, H).crop).toEqual(expect.objectContaining({ x: expect.closeTo(0.1), y: expect.closeTo(0.2), width: 0.3, height: 0.4 }))
  })

  it('keeps flips in screen axes when the image turns after them', () => {
    const flipped = flip(initialEdit, 'horizontal')
    const turned = rotate(flipped, 'right', W, H)
    // Mirror then turn right is turn right then mirror top to bottom.
    expect(turned).toMatchObject({ rotation: 90, flipH: false, flipV: true })
    expect(toOps(turned, W, H)).toEqual([{ op: 'rotate', degrees: 90 }, { op: 'flip', axis: 'vertical' }])
  })

  it('fits a fixed ratio in pixels, not in 0..1 units, and refits it after a turn', () => {
    expect(fitRatio(1, W, H)).toEqual({ x: 0.125, y: 0, width: 0.75, height: 1 })
    const square = setRatio(initialEdit, '1:1', W, H)
    const turned = rotate(square, 'left', W, H)
    // 300 wide and 400 high now: the square is all of the width.
    expect(turned.crop).toEqual({ x: 0, y: 0.125, width: 1, height: 0.75 })
  })

  it('writes nothing for an untouched image and drops a resize to the size the crop already gives', () => {
    expect(toOps(initialEdit, W, H)).toEqual([])
    expect(toOps({ ...initialEdit, resize: { width: W, height: H } }, W, H)).toEqual([])
    expect(toOps({ ...initialEdit, resize: { width: 200, height: 150 } }, W, H)).toEqual([{ op: 'resize', width: 200, height: 150 }])
  })

  it('never sends a crop past the image’s edge, whatever the rounding', () => {
    const [op] = toOps({ ...initialEdit, crop: { x: 0.33333333, y: 0.66666666, width: 0.66666667, height: 0.33333334 } }, W, H)
    expect(op).toEqual({ op: 'crop', x: 0.3333, y: 0.6667, width: 0.6667, height: 0.3333 })
  })

  it('draws a fixed-ratio rectangle only as far as the image reaches', () => {
    const r = spanRect({ x: 0.8, y: 0.5 }, { x: 1.5, y: 0.6 }, 2)
    expect(r.x + r.width).toBeCloseTo(1)
    expect(r.width / r.height).toBeCloseTo(2)
    const grown = resizeRect({ x: 0.5, y: 0.5, width: 0.2, height: 0.2 }, 0.5, 0, 1)
    expect(grown).toEqual({ x: 0.5, y: 0.5, width: 0.5, height: 0.5 })
  })
})
