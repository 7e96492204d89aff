/**
 * Enough of the browser's EventSource for httpTransport under Node (which has none): one GET
 * with the session's cookie, read as server-sent events, each handed to the listeners of its
 * event name as `{ data }`.
 */
export function eventSourceWithCookie(cookie: string) {
  const opened: { close(): void }[] = []
  class CookieEventSource {
    private readonly listeners = new Map<string, ((message: { data: string }) => void)[]>()
    private readonly abort = new AbortController()
    /** Resolves once the server has answered, so events sent after it reach the listeners. */
    readonly ready: Promise<void>

    constructor(url: string) {
      opened.push(this)
      this.ready = this.read(url)
    }

    addEventListener(event: string, listener: (message: { data: string }) => void): void {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    }

    close(): void {
      this.abort.abort()
    }

    private async read(url: string): Promise<void> {
      const response = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal: this.abort.signal })
      void (async () => {
        const decoder = new TextDecoder()
        let buffer = ''
        try {
          const reader = response.body!.getReader()
          for (let read = await reader.read(); !read.done; read = await reader.read()) {
            buffer += decoder.decode(read.value, { stream: true })
            for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
              const block = buffer.slice(0, end)
              buffer = buffer.slice(end + 2)
              const event = /^event: (.*)$/m.exec(block)?.[1]
              const data = /^data: (.*)$/m.exec(block)?.[1]
              if (event && data !== undefined) for (const l of this.listeners.get(event) ?? []) l({ data })
            }
          }
        } catch {
          // Closed by the test.
        }
      })()
    }
  }
  return { CookieEventSource, opened: opened as unknown as InstanceType<typeof CookieEventSource>[] }
}
