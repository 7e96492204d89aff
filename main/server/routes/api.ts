import type { IncomingMessage } from 'node:http'
import { AppError } from '../../../shared/errors.js'
import { errorShape } from '../../dispatch.js'
import { sendError, sendValue } from './respond.js'
import type { SessionRoute } from './context.js'
import { ClientDisconnected, decodeSegment, isDisconnect, logDisconnect } from './requestInput.js'

/** Inline uploads are base64 of at most 200 MB (shared/contract/common.ts), so a third more plus the JSON around it. */
export const MAX_BODY_BYTES = 280 * 1024 * 1024

/**
 * `POST /api/<channel>`: the body is the channel's input as JSON and goes through the same
 * dispatcher as IPC, acting as this browser's session. Requiring a JSON content type means a
 * cross-site page cannot send one without a CORS preflight, which this server never grants.
 */
export const apiRoute: SessionRoute = async (ctx, { req, res, url }, session) => {
  const rawChannel = url.pathname.slice('/api/'.length)
  try {
    const channel = decodeSegment(rawChannel, 'channel')
    if (req.method !== 'POST') throw new AppError('INVALID_INPUT', `Use POST for /api/${channel}.`, { method: req.method })
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      throw new AppError('INVALID_INPUT', 'Send the input as application/json.', { contentType: req.headers['content-type'] ?? null })
    }
    const input = await readJson(req)
    sendValue(res, await ctx.library.dispatch(session, channel, input))
  } catch (error) {
    if (error instanceof ClientDisconnected) {
      logDisconnect(`POST /api/${rawChannel.slice(0, 80)}`)
      res.destroy()
      return
    }
    sendError(res, errorShape(error))
  }
}

/** An empty body is no input (channels without fields take none). */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_BODY_BYTES) throw tooLarge()
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > MAX_BODY_BYTES) throw tooLarge()
      chunks.push(chunk)
    }
  } catch (error) {
    if (isDisconnect(req, error)) throw new ClientDisconnected()
    throw error
  }
  if (size === 0) return undefined
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new AppError('INVALID_INPUT', 'The request body is not valid JSON.')
  }
}

function tooLarge(): AppError {
  return new AppError('LIMIT_EXCEEDED', `A request may carry at most ${MAX_BODY_BYTES / 1024 / 1024} MB.`, { limit: MAX_BODY_BYTES })
}
