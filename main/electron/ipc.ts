import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { IPC_EVENT, IPC_INVOKE, type Envelope } from '../../shared/bridge.js'
import { eventNames } from '../../shared/contract/index.js'
import type { Session } from '../core/context.js'
import type { Library } from '../core/library.js'
import { toAppError } from '../dispatch.js'
import { isAppUrl } from './appUrl.js'

/** What a window acts with: its library and its own Session. */
export interface IpcTarget {
  library: Library
  session: Session
}

/**
 * The single handler for every contract channel. The session is the sender window's own,
 * looked up from `event.sender`; nothing in the message can name the actor (docs/accounts.md).
 * The answer is always an Envelope, never a rejection, so an error's code and details reach
 * the renderer intact (Electron would reduce a thrown error to its message).
 */
export function registerIpc(targetFor: (sender: WebContents) => IpcTarget | undefined): () => void {
  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, input: unknown) => invoke(targetFor, event, channel, input))
  return () => ipcMain.removeHandler(IPC_INVOKE)
}

async function invoke(targetFor: (sender: WebContents) => IpcTarget | undefined, event: IpcMainInvokeEvent, channel: unknown, input: unknown): Promise<Envelope> {
  const target = targetFor(event.sender)
  // Only the app's own page in a library window may call; a frame that got in some other way may
  // not. Electron gives no frame once it has navigated away or been destroyed: with nothing to
  // check, the call is refused, not waved through.
  const frame = event.senderFrame
  if (!target || !frame || !isAppUrl(frame.url)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: 'This window has no library open.' } }
  }
  const name = typeof channel === 'string' ? channel : String(channel)
  try {
    // The dispatcher refuses a channel outside the contract and an input its schema rejects.
    return { ok: true, value: await target.library.dispatch(target.session, name, input) }
  } catch (error) {
    return { ok: false, error: toAppError(name, error).toJSON() }
  }
}

/**
 * Every event the contract lists, as the library filters it for this window's session, sent
 * on the one event channel; the preload hands each to the renderer's subscribers.
 */
export function forwardEvents(target: IpcTarget, contents: WebContents): () => void {
  const stops = eventNames.map((name) =>
    target.library.subscribe(target.session, name, (payload) => {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT, name, payload)
    }),
  )
  return () => {
    for (const stop of stops) stop()
  }
}
