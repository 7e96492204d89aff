// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { resetStore } from '../../../renderer/store/index.js'
import { ADA, file, folder, sessionOf } from '../support/views.js'
import { grid, openWorkspace } from '../support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
  vi.restoreAllMocks()
})

const ASSETS = [folder('h', 'Home', null, { childCount: 1 }), folder('m', 'Marketing', 'h', { childCount: 1 }), folder('c', 'Campaigns', 'm', { childCount: 1 }), file('x', 'x.png', 'c')]
const crumbs = () => within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getAllByRole('listitem').map((li) => li.textContent)

describe('breadcrumbs', () => {
  it('follow the way down, and going back up a level by the tree or a crumb never lists a folder twice', async () => {
    const errors = vi.spyOn(console, 'error')
    const { user } = await openWorkspace(sessionOf(ADA), ASSETS, ['h'])
    await user.dblClick(within(grid()).getByRole('option', { name: 'Marketing' }))
    await user.dblClick(await within(grid()).findByRole('option', { name: 'Campaigns' }))
    await within(grid()).findByRole('option', { name: 'x.png' })
    expect(crumbs()).toEqual(['Home', 'Marketing', 'Campaigns'])

    await user.click(within(screen.getByRole('tree', { name: 'Folders' })).getByRole('treeitem', { name: 'Marketing' }))
    expect(crumbs()).toEqual(['Home', 'Marketing'])
    await within(grid()).findByRole('option', { name: 'Campaigns' })
    expect(crumbs()).toEqual(['Home', 'Marketing'])

    await user.click(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('button', { name: 'Home' }))
    await within(grid()).findByRole('option', { name: 'Marketing' })
    expect(crumbs()).toEqual(['Home'])
    expect(errors).not.toHaveBeenCalled()
  })
})
