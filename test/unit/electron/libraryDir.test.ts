import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { libraryDirFromArgs, requestedLibraryDir, startupLibraryDir } from '../../../main/electron/libraryDir.js'

const cwd = path.resolve('/work/here')
const userData = path.resolve('/home/ada/.config/Trove')

describe('the library folder at start (README.md, where the library lives)', () => {
  it('is --library DIR first, in either form, resolved against the working folder', () => {
    expect(startupLibraryDir(['trove', '--library', 'lib'], { DAM_LIBRARY: '/env/lib' }, cwd, userData)).toBe(path.join(cwd, 'lib'))
    expect(startupLibraryDir(['trove', '--library=/abs/lib'], {}, cwd, userData)).toBe(path.resolve('/abs/lib'))
  })

  it('is DAM_LIBRARY when there is no flag', () => {
    expect(startupLibraryDir(['trove'], { DAM_LIBRARY: '/env/lib' }, cwd, userData)).toBe(path.resolve('/env/lib'))
  })

  it("is otherwise 'library' in the app's user-data folder", () => {
    expect(startupLibraryDir(['trove', '--inspect'], {}, cwd, userData)).toBe(path.join(userData, 'library'))
    expect(requestedLibraryDir(['trove'], { DAM_LIBRARY: '' }, cwd)).toBeUndefined()
  })

  it('ignores a flag without a value', () => {
    expect(libraryDirFromArgs(['trove', '--library'], cwd)).toBeUndefined()
    expect(libraryDirFromArgs(['trove', '--library', '--other'], cwd)).toBeUndefined()
    expect(libraryDirFromArgs(['trove', '--library='], cwd)).toBeUndefined()
  })
})
