import { z } from 'zod'
import type { AssetView, FieldView } from '../views.js'
import { command, query } from './define.js'
import { MAX_NAME, empty, idSchema, nameSchema } from './common.js'
import { FIELD_TYPES } from '../domain.js'

const metadataValue = z.union([
  z.string().max(10_000),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(MAX_NAME)).max(100),
])

/** Admin-defined custom metadata fields and their values on files; handled in main/core/metadata/. */
export const metadataChannels = {
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
}
