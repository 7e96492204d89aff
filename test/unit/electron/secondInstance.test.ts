import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { electronModule, FakeBrowserWindow } from './fakeElectron.js'

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule)

describe('a second launch', () => {
  it('hands over the library it was asked for and quits without opening anything', async () => {
    const { app } = electronModule
    app.requestSingleInstanceLock.mockReturnValue(false)
    const saved = process.argv
    process.argv = [...saved, '--library', '/some/library']
    try {
      await import('../../../main/electron/index.js')
    } finally {
      process.argv = saved
    }
    expect(app.requestSingleInstanceLock).toHaveBeenCalledWith({ libraryDir: path.resolve('/some/library') })
    expect(app.quit).toHaveBeenCalled()
    expect(app.whenReady).not.toHaveBeenCalled()
    expect(app.listenerCount('second-instance')).toBe(0)
    expect(FakeBrowserWindow.instances).toHaveLength(0)
  })
})
