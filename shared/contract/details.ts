import { z } from 'zod'
import type { AssetView, CommentView, FieldView } from '../views.js'
import { command, query } from './define.js'
import { MAX_NAME, empty, idSchema, idsSchema, nameSchema, tagSchema, textSchema } from './common.js'
import { FIELD_TYPES } from '../domain.js'

const metadataValue = z.union([
  z.string().max(10_000),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(MAX_NAME)).max(100),
])
const unit = z.number().min(0).max(1)
const rectSchema = z
  .object({ x: unit, y: unit, width: unit.positive(), height: unit.positive() })
  .strict()
  .refine((r) => r.x + r.width <= 1 + 1e-9 && r.y + r.height <= 1 + 1e-9, 'the focus area must lie inside the image')

export const detailChannels = {
  'tags.add': command<AssetView[]>()(z.object({ ids: idsSchema, tags: z.array(tagSchema).min(1).max(100) }).strict()),
  'tags.remove': command<AssetView[]>()(z.object({ ids: idsSchema, tags: z.array(tagSchema).min(1).max(100) }).strict()),
  /** Admins only. */
  'metadata.defineField': command<FieldView>()(
    z
      .object({
        name: nameSchema,
        type: z.enum(FIELD_TYPES),
        options: z.array(z.string().min(1).max(MAX_NAME)).max(500).optional(),
      })
      .strict(),
  ),
  'metadata.deleteField': command<{ deleted: string }>()(z.object({ fieldId: idSchema }).strict()),
  'metadata.fields': query<FieldView[]>()(empty),
  /** `null` clears a value. Dates are ISO strings (YYYY-MM-DD). */
  'metadata.set': command<AssetView>()(
    z.object({ fileId: idSchema, values: z.record(idSchema, metadataValue.nullable()) }).strict(),
  ),
  'focus.set': command<AssetView>()(z.object({ fileId: idSchema, rect: rectSchema.nullable() }).strict()),
  'comments.list': query<CommentView[]>()(z.object({ fileId: idSchema }).strict()),
  'comments.add': command<CommentView>()(z.object({ fileId: idSchema, text: textSchema }).strict()),
  'comments.edit': command<CommentView>()(z.object({ commentId: idSchema, text: textSchema }).strict()),
  'comments.delete': command<{ deleted: string }>()(z.object({ commentId: idSchema }).strict()),
}
