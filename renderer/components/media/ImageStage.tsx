import type { ReactNode, SyntheticEvent } from 'react'
import type { Rotation } from './editState.js'

interface Props {
  src: string
  /** The image's own size (its aspect ratio is what matters here). */
  width: number
  height: number
  rotation?: Rotation
  flipH?: boolean
  flipV?: boolean
  /** The largest box the stage may take on screen. */
  maxWidth: number
  maxHeight: number
  onLoad?(e: SyntheticEvent<HTMLImageElement>): void
  onError?(): void
  /** Drawn over the image as it looks after the turn and flips (a crop or focus area). */
  children?: ReactNode
}

/**
 * The preview of an edit before main applies it: the image turned and mirrored with CSS.
 * The stage takes the turned image's shape, so an overlay's 0..1 coordinates are those of
 * the image as the user sees it, which is what the crop that follows the turn takes.
 */
export function ImageStage({ src, width, height, rotation = 0, flipH = false, flipV = false, maxWidth, maxHeight, onLoad, onError, children }: Props) {
  const turned = rotation % 180 !== 0
  const shownW = turned ? height : width
  const shownH = turned ? width : height
  const scale = Math.min(maxWidth / shownW, maxHeight / shownH)
  const stageW = Math.round(shownW * scale)
  const stageH = Math.round(shownH * scale)
  return (
    <div className="image-stage" style={{ width: stageW, height: stageH }}>
      <img
        className="image-stage-img"
        src={src}
        alt=""
        draggable={false}
        onLoad={onLoad}
        onError={onError}
        style={{
          width: turned ? stageH : stageW,
          height: turned ? stageW : stageH,
          transform: `translate(-50%, -50%) scale(${flipH ? -1 : 1}, ${flipV ? -1 : 1}) rotate(${rotation}deg)`,
        }}
      />
      {children}
    </div>
  )
}
