import type { ChannelName, EventName, Events, InputOf, ResultOf } from '../../../shared/contract/index.js'
import { AppError } from '../../../shared/errors.js'
import type { Envelope } from '../../../shared/bridge.js'
import { api } from '../../../renderer/api/client.js'

export type Handlers = { [C in ChannelName]: (input: InputOf<C>) => ResultOf<C> | Promise<ResultOf<C>> }

export interface MockApi {
  /** Every call made, in order, with its input. */
  calls: Array<{ channel: string; input: unknown }>
  callsTo(channel: ChannelName): unknown[]
  /** Pushes an event as main would. */
  emit<E extends EventName>(event: E, payload: Events[E]): void
}

/**
 * Reads every library screen makes on arrival (people for owner names, running jobs for the
 * top bar, collections for the sidebar, field definitions and activity for the details panel), answered
 * empty unless a test gives its own handler.
 */
const AMBIENT: Partial<Handlers> = {
  'users.list': () => [],
  'jobs.list': () => [],
  'collections.list': () => [],
  'smartCollections.list': () => [],
  'assets.previews': ({ folderIds }) => Object.fromEntries(folderIds.map((id) => [id, []])),
  'metadata.fields': () => [],
  'search.cameras': () => [],
  'activity.list': () => ({ items: [], hasMore: false }),
}

/**
 * Puts a partial handler map behind the api client (STYLE 9): a channel the test did not
 * expect answers INTERNAL, which the UI then shows, so a missing handler fails visibly.
 */
export function mockApi(given: Partial<Handlers>, options: { desktop?: boolean; signOut?: () => Promise<boolean> } = {}): MockApi {
  const handlers: Partial<Handlers> = { ...AMBIENT, ...given }
  const calls: MockApi['calls'] = []
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  api.use({
    // The desktop shell answers native pickers and writes by path; a browser does neither.
    electron: options.desktop ?? false,
    ...(options.signOut ? { signOut: options.signOut } : {}),
    async invoke(channel, input): Promise<Envelope> {
      calls.push({ channel, input })
      const handler = handlers[channel as ChannelName] as ((input: unknown) => unknown) | undefined
      if (!handler) return { ok: false, error: { code: 'INTERNAL', message: `No handler for ${channel} in this test.` } }
      try {
        return { ok: true, value: await handler(input) }
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toJSON() }
        throw error
      }
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener)
      return () => set.delete(listener)
    },
  })
  return {
    calls,
    callsTo: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.input),
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload)
    },
  }
}
