import { z } from 'zod'
import type { AssetView } from '../views.js'
import { command } from './define.js'
import { idSchema } from './common.js'

const unit = z.number().min(0).max(1)
const rectSchema = z
  .object({ x: unit, y: unit, width: unit.positive(), height: unit.positive() })
  .strict()
  .refine((r) => r.x + r.width <= 1 + 1e-9 && r.y + r.height <= 1 + 1e-9, 'the focus area must lie inside the image')

/** An image's focus area; handled in main/core/focus/. */
export const focusChannels = {
  'focus.set': command<AssetView>()(z.object({ fileId: idSchema, rect: rectSchema.nullable() }).strict()),
}
