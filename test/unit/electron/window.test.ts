import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { fake, fakeEvent, FakeBrowserWindow, type FakeSession } from './fakeElectron.js'

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule)

const { createLibraryWindow, partitionFor } = await import('../../../main/electron/libraryWindow.js')
const { WindowRegistry } = await import('../../../main/electron/windowRegistry.js')
const { APP_URL } = await import('../../../main/electron/appUrl.js')
const { CONTENT_CSP, CONTENT_SECURITY_POLICY } = await import('../../../main/electron/csp.js')

const PATHS = { renderer: '/nowhere/renderer', preload: '/app/out/preload/preload.cjs' }

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary()
})
afterEach(async () => {
  await t.close()
})

async function open() {
  const registry = new WindowRegistry()
  const onClosed = vi.fn()
  const entry = await createLibraryWindow(t.library, PATHS, registry, onClosed)
  const win = entry.window as unknown as FakeBrowserWindow
  const ses = fake.sessions.get(partitionFor(t.library.dir)) as FakeSession
  return { entry, win, ses, registry, onClosed }
}

describe('a library window', () => {
  it('runs the renderer sandboxed, isolated and without Node, with the preload and its own partition', async () => {
    const { win } = await open()
    const prefs = win.options.webPreferences!
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: PATHS.preload,
      partition: partitionFor(t.library.dir),
    })
    expect(String(prefs.partition)).toMatch(/^persist:library-[0-9a-f]{16}$/)
    expect(win.loadedUrl).toBe(APP_URL)
  })

  it('puts the strict CSP on the app pages, replacing any other', async () => {
    const { ses } = await open()
    const callback = vi.fn()
    ses.headersListener!({ url: APP_URL, resourceType: 'mainFrame', responseHeaders: { 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'X-Other': ['1'] } }, callback)
    const headers = callback.mock.calls[0][0].responseHeaders as Record<string, string[]>
    const csp = Object.entries(headers).filter(([k]) => k.toLowerCase() === 'content-security-policy')
    expect(csp).toEqual([['Content-Security-Policy', [CONTENT_SECURITY_POLICY]]])
    expect(headers['X-Other']).toEqual(['1'])
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-src 'none'", "connect-src 'self'", "img-src 'self' trove: data: blob:", "media-src 'self' trove:"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive)
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/)
  })

  it('never replaces the sandboxing CSP of file bytes: the app CSP is for the app pages only', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>parent.troveBridge</script></svg>'
    const file = await t.admin.call('files.upload', { folderId: t.homeId, name: 'page.svg', base64: Buffer.from(svg).toString('base64') })
    const { ses } = await open()
    const headersAfterHook = (url: string, responseHeaders: Record<string, string[]>) => {
      const callback = vi.fn()
      ses.headersListener!({ url, resourceType: 'subFrame', responseHeaders }, callback)
      const headers = callback.mock.calls[0][0].responseHeaders as Record<string, string[]>
      return Object.entries(headers).filter(([k]) => k.toLowerCase() === 'content-security-policy').flatMap(([, v]) => v)
    }
    // What the window's own trove: handler answers for the file, as Chromium would pass it to the hook.
    const url = `trove://file/${file.id}`
    const response = await ses.handlers.get('trove')!(new Request(url))
    expect(response.status).toBe(200)
    const served = Object.fromEntries([...response.headers].map(([k, v]) => [k, [v]]))
    const policies = headersAfterHook(url, served)
    expect(policies).toEqual([CONTENT_CSP])
    expect(policies.join()).toMatch(/\bsandbox\b/)
    expect(policies).not.toContain(CONTENT_SECURITY_POLICY)
    // Renditions, error answers and anything else that is not an app page get the sandbox too, even without a CSP of their own.
    for (const other of [`trove://thumb/${file.id}`, 'trove://file/missing', 'trove://elsewhere/x', 'data:text/html,hi']) {
      expect(headersAfterHook(other, { 'content-type': ['text/html'] }), other).toEqual([CONTENT_CSP])
      expect(headersAfterHook(other, { 'Content-Security-Policy': ["script-src 'self'"] }), other).toEqual(["script-src 'self'", CONTENT_CSP])
    }
    // A look-alike host is not the app.
    expect(headersAfterHook('trove://app.evil/index.html', {})).toEqual([CONTENT_CSP])
    expect(headersAfterHook('trove://app/assets/app.js', { 'content-security-policy': ['sandbox'] })).toEqual([CONTENT_SECURITY_POLICY])
  })

  it('blocks navigation away from the app, new windows and webviews', async () => {
    const { win } = await open()
    const contents = win.webContents
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'trove://file/abc', 'javascript:alert(1)']) {
      for (const name of ['will-navigate', 'will-redirect']) {
        const event = fakeEvent({ url })
        contents.emit(name, event)
        expect(event.preventDefault, `${name} ${url}`).toHaveBeenCalled()
      }
    }
    const inApp = fakeEvent({ url: 'trove://app/index.html' })
    contents.emit('will-navigate', inApp)
    expect(inApp.preventDefault).not.toHaveBeenCalled()
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler!({ url: APP_URL })).toEqual({ action: 'deny' })
    const webview = fakeEvent()
    contents.emit('will-attach-webview', webview)
    expect(webview.preventDefault).toHaveBeenCalled()
  })

  it('refuses every permission and cancels every request for remote or local-file content', async () => {
    const { ses } = await open()
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      const callback = vi.fn()
      ses.permissionRequest!({}, permission, callback, {})
      expect(callback).toHaveBeenCalledWith(false)
      expect(ses.permissionCheck!({}, permission, 'trove://app', {})).toBe(false)
    }
    expect(ses.beforeRequest!.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file:///*']))
    const callback = vi.fn()
    ses.beforeRequest!.listener({ url: 'https://example.com/tracker.png' }, callback)
    expect(callback).toHaveBeenCalledWith({ cancel: true })
  })

  it('starts signed in as the first admin while that admin has no password', async () => {
    const { entry } = await open()
    expect(entry.session.userId).toBe(t.library.firstAdminId)
  })

  it('starts signed out once the first admin has a password', async () => {
    await t.admin.call('users.update', { userId: t.library.firstAdminId!, password: 'correct horse battery' })
    const { entry } = await open()
    expect(entry.session.userId).toBeNull()
  })

  it('serves trove: on its own partition only while open, and lets go of everything when closed', async () => {
    const { entry, win, ses, registry, onClosed } = await open()
    expect(ses.handlers.has('trove')).toBe(true)
    expect(registry.forWebContents(win.webContents as never)).toBe(entry)
    expect(registry.forSession(entry.session)).toBe(entry)
    win.destroy()
    expect(ses.handlers.has('trove')).toBe(false)
    expect(registry.size).toBe(0)
    expect(onClosed).toHaveBeenCalledWith(entry)
    // A closed window hears no more events (even were its contents still reachable).
    win.webContents.destroyed = false
    t.library.emitTo(entry.session, 'app.command', { command: 'importFiles' })
    expect(win.webContents.sent).toEqual([])
  })
})
