import type { Envelope } from '../../shared/bridge.js'
import { isErrorShape } from '../../shared/errors.js'
import type { Transport } from './transport.js'

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false
  const v = value as { ok?: unknown; error?: unknown }
  return v.ok === true || (v.ok === false && isErrorShape(v.error))
}

const unreachable: Envelope = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Trove is not reachable. Is `npm run web` still running?', details: { reason: 'unreachable' } },
}

/**
 * Browser mode: `POST /api/<channel>` for calls (the session cookie says who acts) and one
 * shared EventSource on `/api/events` for every subscription.
 */
export function httpTransport(base = ''): Transport {
  let source: EventSource | null = null
  const listeners = new Map<string, Set<(payload: unknown) => void>>()

  function ensureSource(): EventSource {
    if (source) return source
    source = new EventSource(`${base}/api/events`)
    return source
  }

  return {
    electron: false,
    async invoke(channel, input) {
      let response: Response
      try {
        response = await fetch(`${base}/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: input === undefined ? undefined : JSON.stringify(input),
          credentials: 'same-origin',
        })
      } catch {
        return unreachable
      }
      const body: unknown = await response.json().catch(() => null)
      if (isEnvelope(body)) return body
      return { ok: false, error: { code: 'INTERNAL', message: `Trove answered ${response.status} ${response.statusText} without a result.` } }
    },
    async signOut() {
      try {
        const response = await fetch(`${base}/session/sign-out`, { method: 'POST', headers: { 'content-type': 'application/json' }, credentials: 'same-origin' })
        return response.ok
      } catch {
        return false
      }
    },
    subscribe(event, listener) {
      let set = listeners.get(event)
      if (!set) {
        const created = new Set<(payload: unknown) => void>()
        listeners.set(event, created)
        set = created
        ensureSource().addEventListener(event, (message) => {
          let payload: unknown
          try {
            payload = JSON.parse((message as MessageEvent<string>).data)
          } catch {
            return
          }
          for (const l of created) l(payload)
        })
      }
      set.add(listener)
      return () => set.delete(listener)
    },
  }
}
