import type { ChannelName, EventName, Events, InputOf, ResultOf } from '../../shared/contract/index.js'
import { fileUrl } from '../../shared/bridge.js'
import { AppError, fromErrorShape } from '../../shared/errors.js'
import type { Transport } from './transport.js'

export type FileKind = 'file' | 'thumb' | 'preview'

/**
 * The renderer's one way to main (docs/architecture.md): typed by the shared contract, the same on every
 * transport. A refusal arrives as an AppError carrying `code`, `message` and `details`.
 */
export class ApiClient {
  constructor(private transport: Transport) {}

  /** In the desktop shell, native pickers answer `dialogs.*`; a browser uses its own file inputs instead. */
  get desktop(): boolean {
    return this.transport.electron
  }

  /** A browser (or a desktop window on a team server) signs out through the server. */
  get canSignOut(): boolean {
    return this.transport.signOut !== undefined
  }

  /** Ends the session on the server; false when it could not. */
  async signOut(): Promise<boolean> {
    return (await this.transport.signOut?.()) ?? false
  }

  /** Swaps the transport (tests install a handler map). */
  use(transport: Transport): void {
    this.transport = transport
  }

  async call<C extends ChannelName>(channel: C, ...input: undefined extends InputOf<C> ? [InputOf<C>?] : [InputOf<C>]): Promise<ResultOf<C>> {
    let envelope
    try {
      envelope = await this.transport.invoke(channel, input[0])
    } catch (error) {
      throw new AppError('INTERNAL', `Could not reach Trove: ${(error as Error).message ?? error}`)
    }
    if (envelope && envelope.ok === true) return envelope.value as ResultOf<C>
    if (envelope && envelope.ok === false) throw fromErrorShape(envelope.error)
    throw new AppError('INTERNAL', `Trove sent something that is not a result for ${channel}.`)
  }

  subscribe<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    return this.transport.subscribe(event, listener as (payload: unknown) => void)
  }

  /** The URL of a file's bytes, thumbnail or preview; the version busts caches after an upload. */
  fileUrl(kind: FileKind, fileId: string, version?: number): string {
    return fileUrl(kind, fileId, { version, electron: this.transport.electron })
  }
}
