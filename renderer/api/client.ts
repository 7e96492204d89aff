import type { ChannelName, EventName, Events, InputOf, ResultOf } from '../../shared/contract/index.js'
import { fileUrl, pageUrl } from '../../shared/bridge.js'
import { AppError, fromErrorShape } from '../../shared/errors.js'
import type { Transport } from './transport.js'
import { bridgeTransport } from './bridgeTransport.js'
import { httpTransport } from './httpTransport.js'

export type FileKind = 'file' | 'thumb' | 'preview'

/** A channel whose answer decides who acts (`session.current`, `session.switchUser` and the rest). */
export type SessionChannel = Extract<ChannelName, `session.${string}`>

type Input<C extends ChannelName> = undefined extends InputOf<C> ? [InputOf<C>?] : [InputOf<C>]

/** What a dropped answer becomes: a call that never answers, so nothing that waited on it runs. */
const never = new Promise<never>(() => undefined)

/**
 * The renderer's one way to main (docs/architecture.md): typed by the shared contract, the same on every
 * transport. A refusal arrives as an AppError carrying `code`, `message` and `details`.
 *
 * A user switch, a sign-out or a lost session resets the store (renderer/store/resets.ts) and
 * drops the answers still on their way: an answer to a call made before that belongs to the
 * previous actor, so it never reaches a slice. The call stays unanswered, and nothing of what
 * waited on it runs (no state set, no error shown, no "failed" left behind). A slice that queues
 * work behind such a call starts a fresh queue in its reset (uploadSlice.ts). The calls that
 * decide who acts go through `callSession`, so a switch is never dropped by the one before it.
 */
export class ApiClient {
  /** Moves on at each reset; a call remembers the one it was made under. */
  private actor = 0

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

  /** Answers still on their way are the previous actor's from now on: none of them is delivered. */
  dropPendingAnswers(): void {
    this.actor++
  }

  /** Calls main; the answer is dropped if the store resets before it arrives. */
  async call<C extends ChannelName>(channel: C, ...input: Input<C>): Promise<ResultOf<C>> {
    const asked = this.actor
    try {
      const answer = await this.send(channel, input[0])
      return asked === this.actor ? answer : never
    } catch (error) {
      if (asked !== this.actor) return never
      throw error
    }
  }

  /** Calls main and always delivers the answer: for the session channels, whose answer says who acts now. */
  callSession<C extends SessionChannel>(channel: C, ...input: Input<C>): Promise<ResultOf<C>> {
    return this.send(channel, input[0])
  }

  private async send<C extends ChannelName>(channel: C, input: InputOf<C> | undefined): Promise<ResultOf<C>> {
    let envelope
    try {
      envelope = await this.transport.invoke(channel, input)
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

  /** The URL of page `page` (from 1) of a PDF, drawn as a picture. */
  pageUrl(fileId: string, page: number, version?: number): string {
    return pageUrl(fileId, page, { version, electron: this.transport.electron })
  }
}

/** The Electron bridge when the preload put one there, HTTP otherwise: the rest of the renderer cannot tell. */
export const api = new ApiClient(typeof window !== 'undefined' && window.trove ? bridgeTransport(window.trove) : httpTransport())
