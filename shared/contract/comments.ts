import { z } from 'zod'
import type { CommentView } from '../views.js'
import { command, query } from './define.js'
import { idSchema, textSchema } from './common.js'

/** Comments on files, reached through their file; handled in main/core/comments/. */
export const commentChannels = {
  'comments.list': query<CommentView[]>()(z.object({ fileId: idSchema }).strict()),
  'comments.add': command<CommentView>()(z.object({ fileId: idSchema, text: textSchema }).strict()),
  'comments.edit': command<CommentView>()(z.object({ commentId: idSchema, text: textSchema }).strict()),
  'comments.delete': command<{ deleted: string }>()(z.object({ commentId: idSchema }).strict()),
}
