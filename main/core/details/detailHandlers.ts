import type { CommentRecord, FileRecord, Id, MetadataFieldRecord, MetadataValue } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { CommentView, FieldView } from '../../../shared/views.js'
import type { Core, Ctx, HandlerMap } from '../context.js'
import { distinct, notFound, requireAdmin, requireFile } from '../access.js'
import { assetView } from '../assets/views.js'
import { checkValue } from './metadataValues.js'
import { nameKey } from '../../../shared/names.js'
import { mention, say } from '../activity/summary.js'

type DetailChannels =
  | 'tags.add' | 'tags.remove' | 'metadata.defineField' | 'metadata.deleteField' | 'metadata.fields' | 'metadata.set'
  | 'focus.set' | 'comments.list' | 'comments.add' | 'comments.edit' | 'comments.delete'

const MAX_TAGS_PER_FILE = 500

function fieldView(field: MetadataFieldRecord): FieldView {
  return { id: field.id, name: field.name, type: field.type, options: field.options }
}

function commentView(core: Core, comment: CommentRecord): CommentView {
  return { ...comment, authorName: core.store.tables.users.get(comment.authorId)?.name ?? 'Deleted user' }
}

/** A comment is reached through its file: the file's level decides (seed: comments rows). */
function requireComment(ctx: Ctx, commentId: Id, op: 'viewComments' | 'editComments'): { comment: CommentRecord; file: FileRecord } {
  const comment = ctx.core.store.tables.comments.get(commentId)
  if (!comment || !ctx.core.engine.canView(ctx.actor.id, comment.fileId)) throw notFound('comment', commentId)
  return { comment, file: requireFile(ctx, comment.fileId, op) }
}

const sameTag = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

export const detailHandlers: HandlerMap<DetailChannels> = {
  'tags.add': async (ctx, { ids, tags }) => {
    distinct(ids, 'ids')
    const files = ids.map((id) => requireFile(ctx, id, 'editTags'))
    const now = ctx.core.clock()
    const next = files.map((f) => {
      const merged = [...f.tags]
      for (const tag of tags) if (!merged.some((t) => sameTag(t, tag))) merged.push(tag)
      if (merged.length > MAX_TAGS_PER_FILE) throw new AppError('LIMIT_EXCEEDED', `"${f.name}" would have more than ${MAX_TAGS_PER_FILE} tags.`, { limit: MAX_TAGS_PER_FILE })
      return { ...f, tags: merged, updatedAt: now }
    })
    await ctx.commit('tags.add', { put: { assets: next }, activity: { action: 'tags.add', ids, summary: `tagged ${ids.length} file(s) with ${tags.join(', ')}` } })
    return next.map((f) => assetView(ctx.core, ctx.actor.id, f))
  },

  'tags.remove': async (ctx, { ids, tags }) => {
    distinct(ids, 'ids')
    const files = ids.map((id) => requireFile(ctx, id, 'removeTags'))
    const now = ctx.core.clock()
    const next = files.map((f) => ({ ...f, tags: f.tags.filter((t) => !tags.some((r) => sameTag(r, t))), updatedAt: now }))
    await ctx.commit('tags.remove', { put: { assets: next }, activity: { action: 'tags.remove', ids, summary: `removed tags ${tags.join(', ')} from ${ids.length} file(s)` } })
    return next.map((f) => assetView(ctx.core, ctx.actor.id, f))
  },

  'metadata.defineField': async (ctx, { name, type, options }) => {
    requireAdmin(ctx, 'define custom metadata fields')
    if (ctx.core.store.indexes.fieldByName.has(nameKey(name))) throw new AppError('CONFLICT', `A field named "${name}" already exists.`, { field: 'name' })
    const isSelect = type === 'singleSelect' || type === 'multiSelect'
    const opts = [...new Set(options ?? [])]
    if (isSelect && opts.length === 0) throw new AppError('INVALID_INPUT', `A ${type} field needs at least one option.`, { field: 'options' })
    if (!isSelect && opts.length > 0) throw new AppError('INVALID_INPUT', `A ${type} field takes no options.`, { field: 'options' })
    const field: MetadataFieldRecord = { id: ctx.core.newId(), name, type, options: opts, createdAt: ctx.core.clock() }
    await ctx.commit('metadata.defineField', { put: { fields: [field] }, activity: { action: 'metadata.defineField', ids: [field.id], summary: `defined field ${name} (${type})` } })
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
    await ctx.commit('metadata.deleteField', {
      put: { assets: files },
      del: [['fields', fieldId]],
      activity: { action: 'metadata.deleteField', ids: [fieldId], summary: `deleted field ${field.name} and its values on ${files.length} file(s)` },
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
    await ctx.commit('metadata.set', {
      put: { assets: [next] },
      activity: { action: 'metadata.set', ids: [fileId], summary: say`updated custom metadata of ${mention(file)}` },
    })
    return assetView(ctx.core, ctx.actor.id, next)
  },

  'focus.set': async (ctx, { fileId, rect }) => {
    const file = requireFile(ctx, fileId, 'editFocus')
    const current = file.versions.find((v) => v.number === file.currentVersion)!
    if (rect && !current.mime.startsWith('image/')) throw new AppError('INVALID_INPUT', `"${file.name}" is not an image; only images have a focus area.`, { fileId })
    const next = { ...file, focus: rect, updatedAt: ctx.core.clock() }
    await ctx.commit('focus.set', {
      put: { assets: [next] },
      activity: { action: 'focus.set', ids: [fileId], summary: rect ? say`set the focus area of ${mention(file)}` : say`cleared the focus area of ${mention(file)}` },
    })
    return assetView(ctx.core, ctx.actor.id, next)
  },

  'comments.list': (ctx, { fileId }) => {
    const file = requireFile(ctx, fileId, 'viewComments')
    return [...ctx.core.store.indexes.commentsByFile.get(file.id)]
      .map((id) => commentView(ctx.core, ctx.core.store.tables.comments.get(id)!))
      .sort((a, b) => a.createdAt - b.createdAt)
  },

  'comments.add': async (ctx, { fileId, text }) => {
    const file = requireFile(ctx, fileId, 'editComments')
    const now = ctx.core.clock()
    const comment: CommentRecord = { id: ctx.core.newId(), fileId: file.id, authorId: ctx.actor.id, text, createdAt: now, updatedAt: now }
    await ctx.commit('comments.add', { put: { comments: [comment] }, activity: { action: 'comments.add', ids: [file.id, comment.id], summary: say`commented on ${mention(file)}` } })
    return commentView(ctx.core, comment)
  },

  'comments.edit': async (ctx, { commentId, text }) => {
    const { comment, file } = requireComment(ctx, commentId, 'editComments')
    const next = { ...comment, text, updatedAt: ctx.core.clock() }
    await ctx.commit('comments.edit', { put: { comments: [next] }, activity: { action: 'comments.edit', ids: [file.id, comment.id], summary: say`edited a comment on ${mention(file)}` } })
    return commentView(ctx.core, next)
  },

  'comments.delete': async (ctx, { commentId }) => {
    const { comment, file } = requireComment(ctx, commentId, 'editComments')
    await ctx.commit('comments.delete', { del: [['comments', comment.id]], activity: { action: 'comments.delete', ids: [file.id, comment.id], summary: say`deleted a comment on ${mention(file)}` } })
    return { deleted: comment.id }
  },
}
