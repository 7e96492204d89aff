import type { CommentRecord, FileRecord, Id } from '../../../shared/domain.js'
import type { CommentView } from '../../../shared/views.js'
import type { commentChannels } from '../../../shared/contract/comments.js'
import type { Core, Ctx, HandlersOf } from '../context.js'
import { notFound, requireFile } from '../access.js'
import { mention, say } from '../activity/summary.js'

function commentView(core: Core, comment: CommentRecord): CommentView {
  return { ...comment, authorName: core.store.tables.users.get(comment.authorId)?.name ?? 'Deleted user' }
}

/** A comment is reached through its file, whose level decides: reading needs view, writing contribute (docs/permissions.md). */
function requireComment(ctx: Ctx, commentId: Id, op: 'viewComments' | 'editComments'): { comment: CommentRecord; file: FileRecord } {
  const comment = ctx.core.store.tables.comments.get(commentId)
  if (!comment || !ctx.core.engine.canView(ctx.actor.id, comment.fileId)) throw notFound('comment', commentId)
  return { comment, file: requireFile(ctx, comment.fileId, op) }
}

export const commentHandlers: HandlersOf<typeof commentChannels> = {
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
    await ctx.commit({ put: { comments: [comment] }, activity: { ids: [file.id, comment.id], summary: say`commented on ${mention(file)}` } })
    return commentView(ctx.core, comment)
  },

  'comments.edit': async (ctx, { commentId, text }) => {
    const { comment, file } = requireComment(ctx, commentId, 'editComments')
    const next = { ...comment, text, updatedAt: ctx.core.clock() }
    await ctx.commit({ put: { comments: [next] }, activity: { ids: [file.id, comment.id], summary: say`edited a comment on ${mention(file)}` } })
    return commentView(ctx.core, next)
  },

  'comments.delete': async (ctx, { commentId }) => {
    const { comment, file } = requireComment(ctx, commentId, 'editComments')
    await ctx.commit({ del: [['comments', comment.id]], activity: { ids: [file.id, comment.id], summary: say`deleted a comment on ${mention(file)}` } })
    return { deleted: comment.id }
  },
}
