import type { EditOp } from '../../../shared/contract/images.js'
import type { FocusArea } from '../../../shared/domain.js'

/** A rectangle in 0..1 coordinates of an image, as main takes crops and focus areas. */
export type Rect = FocusArea

export type Rotation = 0 | 90 | 180 | 270
export const RATIOS = { free: null, '1:1': 1, '4:3': 4 / 3, '16:9': 16 / 9, '3:2': 3 / 2 } as const
export type RatioId = keyof typeof RATIOS

/**
 * What the editor will do, kept in one canonical order so the preview is plain CSS and the
 * request is short: rotate (clockwise), then flip in the screen's axes, then crop (in the
 * coordinates of the image as it then looks), then resize.
 */
export interface EditState {
  rotation: Rotation
  flipH: boolean
  flipV: boolean
  crop: Rect
  ratio: RatioId
  /** null: the size the crop gives. */
  resize: { width: number; height: number } | null
}

export const FULL: Rect = { x: 0, y: 0, width: 1, height: 1 }
export const initialEdit: EditState = { rotation: 0, flipH: false, flipV: false, crop: FULL, ratio: 'free', resize: null }

const EPS = 1e-6
export const isFull = (r: Rect) => r.x < EPS && r.y < EPS && r.width > 1 - EPS && r.height > 1 - EPS

/** The image's size as it looks after the rotation. */
export function turnedSize(state: Pick<EditState, 'rotation'>, width: number, height: number): { width: number; height: number } {
  return state.rotation % 180 === 0 ? { width, height } : { width: height, height: width }
}

/**
 * The largest rectangle of the given pixel ratio centred in the image. In 0..1 coordinates
 * a ratio of w:h pixels is (w / width) : (h / height).
 */
export function fitRatio(ratio: number, width: number, height: number): Rect {
  const k = (ratio * height) / width
  return k >= 1 ? { x: 0, y: (1 - 1 / k) / 2, width: 1, height: 1 / k } : { x: (1 - k) / 2, y: 0, width: k, height: 1 }
}

/**
 * Turning by 90° clockwise maps a point (x, y) to (1 - y, x); flipping after a turn is the
 * same as turning after the other flip, so the flips trade places and stay in screen axes.
 */
export function rotate(state: EditState, direction: 'left' | 'right', width: number, height: number): EditState {
  const { x, y, width: w, height: h } = state.crop
  const rotation = ((state.rotation + (direction === 'right' ? 90 : 270)) % 360) as Rotation
  const crop = direction === 'right' ? { x: 1 - y - h, y: x, width: h, height: w } : { x: y, y: 1 - x - w, width: h, height: w }
  const next: EditState = { ...state, rotation, flipH: state.flipV, flipV: state.flipH, crop, resize: null }
  const ratio = RATIOS[state.ratio]
  if (ratio === null) return next
  // A fixed ratio stays that ratio: the turned crop would be its inverse, so it is fitted again.
  const turned = turnedSize(next, width, height)
  return { ...next, crop: fitRatio(ratio, turned.width, turned.height) }
}

export function flip(state: EditState, axis: 'horizontal' | 'vertical'): EditState {
  const { x, y, width: w, height: h } = state.crop
  return axis === 'horizontal'
    ? { ...state, flipH: !state.flipH, crop: { ...state.crop, x: 1 - x - w } }
    : { ...state, flipV: !state.flipV, crop: { ...state.crop, y: 1 - y - h } }
}

export function setRatio(state: EditState, ratio: RatioId, width: number, height: number): EditState {
  const value = RATIOS[ratio]
  const turned = turnedSize(state, width, height)
  return { ...state, ratio, resize: null, crop: value === null ? state.crop : fitRatio(value, turned.width, turned.height) }
}

/** The size of the result in pixels, before any resize. */
export function croppedSize(state: EditState, width: number, height: number): { width: number; height: number } {
  const turned = turnedSize(state, width, height)
  return { width: Math.max(1, Math.round(state.crop.width * turned.width)), height: Math.max(1, Math.round(state.crop.height * turned.height)) }
}

export function outputSize(state: EditState, width: number, height: number): { width: number; height: number } {
  return state.resize ?? croppedSize(state, width, height)
}

/** Four decimals are a tenth of a pixel on a 1000-pixel image, and keep the request readable. */
const round = (n: number) => Math.round(n * 10_000) / 10_000

/** The crop as main takes it: rounded, and never past the image's edge. */
export function cropOp(crop: Rect): EditOp {
  const x = Math.min(round(crop.x), 1 - EPS)
  const y = Math.min(round(crop.y), 1 - EPS)
  return { op: 'crop', x, y, width: Math.min(round(crop.width), round(1 - x)), height: Math.min(round(crop.height), round(1 - y)) }
}

/** The edits as `images.edit` takes them, in the order the preview shows them. */
export function toOps(state: EditState, width: number, height: number): EditOp[] {
  const ops: EditOp[] = []
  if (state.rotation !== 0) ops.push({ op: 'rotate', degrees: state.rotation })
  if (state.flipH) ops.push({ op: 'flip', axis: 'horizontal' })
  if (state.flipV) ops.push({ op: 'flip', axis: 'vertical' })
  if (!isFull(state.crop)) ops.push(cropOp(state.crop))
  const cropped = croppedSize(state, width, height)
  if (state.resize && (state.resize.width !== cropped.width || state.resize.height !== cropped.height)) {
    ops.push({ op: 'resize', width: state.resize.width, height: state.resize.height })
  }
  return ops
}
