// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import './support/dom.js'
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetStore } from '../../renderer/store/index.js'
import { ADA, file, folder, sessionOf } from './support/views.js'
import { grid, openWorkspace } from './support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const HOME = folder('h', 'Home', null, { childCount: 1 })
const LOGO = file('l', 'logo.png', 'h', { mime: 'image/png' })

describe('keyboard shortcuts', () => {
  it('"/" goes to the search box, but types a slash in a text field', async () => {
    const { user } = await openWorkspace(sessionOf(ADA), [HOME, LOGO], ['h'])
    grid().focus()
    await user.keyboard('/')
    const box = screen.getByRole('searchbox', { name: 'Search the library' })
    expect(box).toHaveFocus()
    await user.keyboard('a/b')
    expect(box).toHaveValue('a/b')
  })

  it('"?" lists the shortcuts, and Escape closes the list', async () => {
    const { user } = await openWorkspace(sessionOf(ADA), [HOME, LOGO], ['h'])
    grid().focus()
    await user.keyboard('?')
    const list = screen.getByRole('dialog', { name: 'Keyboard shortcuts' })
    expect(list).toHaveTextContent('Search')
    expect(list).toHaveTextContent('Select all')
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull()
  })
})
