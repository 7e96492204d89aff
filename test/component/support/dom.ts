/**
 * What jsdom lacks and the renderer relies on: element scrolling (the virtualised views),
 * ResizeObserver and pointer capture (Radix menus). Scrolling moves scrollTop and fires the
 * scroll event a browser would (a moment later), so a virtualised view follows it.
 */
const proto = Element.prototype as Element & Record<string, unknown>

if (!proto.scrollTo) {
  proto.scrollTo = function scrollTo(this: Element, arg?: ScrollToOptions | number, y?: number) {
    const top = typeof arg === 'object' ? arg.top : y
    if (typeof top === 'number') this.scrollTop = top
    // Browsers fire scroll events on a later frame, never inside the call that scrolled.
    setTimeout(() => this.dispatchEvent(new Event('scroll')), 0)
  }
}
proto.scrollIntoView ??= () => undefined
proto.hasPointerCapture ??= () => false
proto.releasePointerCapture ??= () => undefined

if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver
}

export {}

/**
 * A stand-in for layout, for tests that scroll a virtualised view: every element measures
 * `width` × `height`, and a scroller is as tall as the tallest sized child it holds (the
 * virtualiser's spacer). Returns the function that takes it away again.
 */
export function fakeLayout(width = 1024, height = 720): () => void {
  const target = HTMLElement.prototype
  const props = ['clientWidth', 'offsetWidth', 'clientHeight', 'offsetHeight', 'scrollHeight'] as const
  const saved = props.map((p) => [p, Object.getOwnPropertyDescriptor(target, p)] as const)
  const define = (p: string, get: (this: HTMLElement) => number) => Object.defineProperty(target, p, { configurable: true, get })
  define('clientWidth', () => width)
  define('offsetWidth', () => width)
  define('clientHeight', () => height)
  define('offsetHeight', () => height)
  define('scrollHeight', function (this: HTMLElement) {
    const tallest = [...this.children].reduce((n, c) => Math.max(n, parseFloat((c as HTMLElement).style?.height) || 0), 0)
    return Math.max(height, tallest)
  })
  return () => {
    for (const [p, d] of saved) {
      if (d) Object.defineProperty(target, p, d)
      else delete (target as unknown as Record<string, unknown>)[p]
    }
  }
}
