import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { chooseLibraryDir, defaultLibraryDir } from '../../../main/server/defaultLibraryDir.js'

describe('where the library lives', () => {
  it("is Trove/library in the platform's app-data folder, as Electron's userData", () => {
    expect(defaultLibraryDir({}, 'linux', '/home/ada')).toBe(path.join('/home/ada/.config', 'Trove', 'library'))
    expect(defaultLibraryDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ada')).toBe(path.join('/xdg', 'Trove', 'library'))
    expect(defaultLibraryDir({}, 'darwin', '/Users/ada')).toBe(path.join('/Users/ada/Library/Application Support', 'Trove', 'library'))
    expect(defaultLibraryDir({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ada')).toBe(path.join('C:\\Users\\ada\\AppData\\Roaming', 'Trove', 'library'))
  })

  it('takes --library over DAM_LIBRARY over the default (README.md, where the library lives)', () => {
    expect(chooseLibraryDir('/a', { DAM_LIBRARY: '/b' })).toBe(path.resolve('/a'))
    expect(chooseLibraryDir(undefined, { DAM_LIBRARY: '/b' })).toBe(path.resolve('/b'))
    expect(chooseLibraryDir(undefined, { XDG_CONFIG_HOME: '/xdg' })).toBe(defaultLibraryDir({ XDG_CONFIG_HOME: '/xdg' }))
  })
})
