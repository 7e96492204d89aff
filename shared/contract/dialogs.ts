import { z } from 'zod'
import { query } from './define.js'
import { MAX_NAME, idSchema } from './common.js'

/**
 * Native pickers. The desktop shell answers these; headless and browser callers are told
 * they are unavailable (`available: false`) and use their own means (a file input, a download).
 * Paths a picker returns are the only ones that window may then use in `sourcePath`/`destPath`.
 */
export const dialogChannels = {
  'dialogs.openFiles': query<{ available: boolean; paths: string[] }>()(z.object({ multiple: z.boolean().optional() }).strict().optional()),
  'dialogs.openFolder': query<{ available: boolean; paths: string[] }>()(z.object({}).strict().optional()),
  'dialogs.saveFile': query<{ available: boolean; path: string | null }>()(z.object({ defaultName: z.string().min(1).max(MAX_NAME) }).strict()),
  /** Shows a finished download's zip in the system's file manager (the desktop only). */
  'dialogs.showDownload': query<{ available: boolean }>()(z.object({ downloadId: idSchema }).strict()),
}
