import type { Page } from 'playwright-core'

/** What the stand-in desktop shell answers itself: channel → result. Everything else goes to main over HTTP. */
export type BridgeAnswers = Record<string, unknown>

/**
 * Installs a `window.trove` before the app loads, so the renderer runs as it does in the
 * desktop shell (native pickers, imports by path) while main stays the browser-mode server.
 * Channels a browser session may not use (paths chosen in native dialogs) are answered from
 * `answers`; `held` channels wait until `release(channel)`, so a screen mid-way can be seen.
 * Every stand-in call is recorded with its input.
 */
export async function installDesktopBridge(page: Page, answers: BridgeAnswers, held: string[] = []): Promise<void> {
  await page.addInitScript(
    ({ answers, held }) => {
      const listeners = new Map<string, Set<(payload: unknown) => void>>()
      const waiting = new Map<string, () => void>()
      let source: EventSource | null = null
      const test = {
        calls: [] as Array<{ channel: string; input: unknown }>,
        emit(event: string, payload: unknown) {
          for (const l of listeners.get(event) ?? []) l(payload)
        },
        release(channel: string) {
          waiting.get(channel)?.()
        },
      }
      Object.assign(window, { troveTest: test })
      Object.assign(window, {
        trove: {
          async invoke(channel: string, input: unknown) {
            if (channel in answers) {
              test.calls.push({ channel, input })
              if (held.includes(channel)) await new Promise<void>((resolve) => waiting.set(channel, resolve))
              return { ok: true, value: answers[channel] }
            }
            const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: input === undefined ? undefined : JSON.stringify(input),
            })
            return response.json()
          },
          subscribe(event: string, listener: (payload: unknown) => void) {
            let set = listeners.get(event)
            if (!set) {
              const created = new Set<(payload: unknown) => void>()
              listeners.set(event, created)
              set = created
              source ??= new EventSource('/api/events')
              source.addEventListener(event, (m) => test.emit(event, JSON.parse((m as MessageEvent<string>).data)))
            }
            set.add(listener)
            return () => set.delete(listener)
          },
        },
      })
    },
    { answers, held },
  )
}

/** Sends an event as main (or the desktop menu) would. */
export async function emitEvent(page: Page, event: string, payload: unknown): Promise<void> {
  await page.evaluate(([e, p]) => (window as unknown as { troveTest: { emit(e: string, p: unknown): void } }).troveTest.emit(e as string, p), [event, payload])
}

export async function releaseChannel(page: Page, channel: string): Promise<void> {
  await page.evaluate((c) => (window as unknown as { troveTest: { release(c: string): void } }).troveTest.release(c), channel)
}

export async function bridgeCalls(page: Page, channel: string): Promise<unknown[]> {
  return page.evaluate(
    (c) => (window as unknown as { troveTest: { calls: Array<{ channel: string; input: unknown }> } }).troveTest.calls.filter((x) => x.channel === c).map((x) => x.input),
    channel,
  )
}
