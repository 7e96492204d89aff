import type { FileRecord, Id, MetadataFieldRecord, MetadataValue } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { FieldView } from '../../../shared/views.js'
import type { metadataChannels } from '../../../shared/contract/metadata.js'
import type { HandlersOf } from '../context.js'
import { notFound, requireAdmin, requireFile } from '../access.js'
import { assetView } from '../assets/views.js'
import { checkValue } from './metadataValues.js'
import { nameKey } from '../../../shared/names.js'
import { mention, say } from '../activity/summary.js'

function fieldView(field: MetadataFieldRecord): FieldView {
  return { id: field.id, name: field.name, type: field.type, options: field.options }
}

export const metadataHandlers: HandlersOf<typeof metadataChannels> = {
  'metadata.defineField': async (ctx, { name, type, options }) => {
    requireAdmin(ctx, 'define custom metadata fields')
    if (ctx.core.store.indexes.fieldByName.has(nameKey(name))) throw new AppError('CONFLICT', `A field named "${name}" already exists.`, { field: 'name' })
    const isSelect = type === 'singleSelect' || type === 'multiSelect'
    const opts = [...new Set(options ?? [])]
    if (isSelect && opts.length === 0) throw new AppError('INVALID_INPUT', `A ${type} field needs at least one option.`, { field: 'options' })
    if (!isSelect && opts.length > 0) throw new AppError('INVALID_INPUT', `A ${type} field takes no options.`, { field: 'options' })
    const field: MetadataFieldRecord = { id: ctx.core.newId(), name, type, options: opts, createdAt: ctx.core.clock() }
    await ctx.commit({ put: { fields: [field] }, activity: { ids: [field.id], summary: `defined field ${name} (${type})` } })
    return fieldView(field)
  },

  'metadata.deleteField': async (ctx, { fieldId }) => {
    requireAdmin(ctx, 'delete custom metadata fields')
    const field = ctx.core.store.tables.fields.get(fieldId)
    if (!field) throw notFound('metadata field', fieldId)
    // Values of a deleted field go with it: a rare admin step, so one pass over the files is fine.
    const files: FileRecord[] = []
    for (const a of ctx.core.store.tables.assets.values()) {
      if (a.kind === 'file' && fieldId in a.metadata) {
        const metadata = { ...a.metadata }
        delete metadata[fieldId]
        files.push({ ...a, metadata })
      }
    }
    await ctx.commit({
      put: { assets: files },
      del: [['fields', fieldId]],
      activity: { ids: [fieldId], summary: `deleted field ${field.name} and its values on ${files.length} file(s)` },
    })
    return { deleted: fieldId }
  },

  'metadata.fields': (ctx) => [...ctx.core.store.tables.fields.values()].map(fieldView).sort((a, b) => a.name.localeCompare(b.name)),

  'metadata.set': async (ctx, { fileId, values }) => {
    const file = requireFile(ctx, fileId, 'updateMetadata')
    const metadata: Record<Id, MetadataValue> = { ...file.metadata }
    for (const [fieldId, value] of Object.entries(values)) {
      const field = ctx.core.store.tables.fields.get(fieldId)
      if (!field) throw notFound('metadata field', fieldId)
      if (value === null) delete metadata[fieldId]
      else metadata[fieldId] = checkValue(field, value)
    }
    const next = { ...file, metadata, updatedAt: ctx.core.clock() }
    await ctx.commit({
      put: { assets: [next] },
      activity: { ids: [fileId], summary: say`updated custom metadata of ${mention(file)}` },
    })
    return assetView(ctx.core, ctx.actor.id, next)
  },
}
