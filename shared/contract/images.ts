import { z } from 'zod'
import type { AssetView } from '../views.js'
import { command } from './define.js'
import { idSchema, saveAsSchema } from './common.js'

const unit = z.number().min(0).max(1)
export const editOpSchema = z.discriminatedUnion('op', [
  /** A rectangle in 0..1 coordinates of the image as it is at that step. */
  z.object({ op: z.literal('crop'), x: unit, y: unit, width: unit.positive(), height: unit.positive() }).strict()
    .refine((r) => r.x + r.width <= 1 + 1e-9 && r.y + r.height <= 1 + 1e-9, 'the crop must lie inside the image'),
  z.object({ op: z.literal('rotate'), degrees: z.union([z.literal(90), z.literal(180), z.literal(270)]) }).strict(),
  z.object({ op: z.literal('flip'), axis: z.enum(['horizontal', 'vertical']) }).strict(),
  z.object({ op: z.literal('resize'), width: z.number().int().min(1).max(20000).optional(), height: z.number().int().min(1).max(20000).optional() }).strict()
    .refine((r) => r.width !== undefined || r.height !== undefined, 'give a width, a height or both'),
])
export type EditOp = z.infer<typeof editOpSchema>
export const IMAGE_FORMATS = ['jpeg', 'png', 'webp', 'avif', 'tiff', 'gif'] as const

/** Image edits, each saved as a new version or a new file; handled in main/core/images/. */
export const imageChannels = {
  /** Crop, rotate, flip, resize and convert; the result is a new version (or a new file), so nothing is lost. */
  'images.edit': command<AssetView>()(
    z.object({ fileId: idSchema, ops: z.array(editOpSchema).max(50), format: z.enum(IMAGE_FORMATS).optional(), saveAs: saveAsSchema.optional() })
      .strict()
      .refine((v) => v.ops.length > 0 || v.format !== undefined, 'give at least one edit or a format'),
  ),
}
