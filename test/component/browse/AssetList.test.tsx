// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { fakeLayout } from '../support/dom.js'
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { resetStore } from '../../../renderer/store/index.js'
import { ADA, RITA, file, folder, sessionOf, user as person } from '../support/views.js'
import { list, openWorkspace } from '../support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const HOME = folder('h', 'Home', null)
const BEA = person('u-bea', 'Bea', 'fullAccess')
const ASSETS = [
  HOME,
  folder('z', 'Zebra folder', 'h', { childCount: 2, updatedAt: 50 }),
  folder('a', 'Archive', 'h', { childCount: 7, updatedAt: 10 }),
  file('1', 'beta.png', 'h', { mime: 'image/png', size: 3000, updatedAt: 300, createdBy: ADA.id }),
  file('2', 'alpha.pdf', 'h', { mime: 'application/pdf', size: 9000, updatedAt: 100, createdBy: RITA.id }),
  file('3', 'gamma.doc', 'h', { mime: 'application/msword', size: 10, updatedAt: 200, createdBy: BEA.id }),
]

async function openList() {
  const opened = await openWorkspace(sessionOf(ADA), ASSETS, ['h'], { 'users.list': () => [ADA, BEA, RITA] })
  await opened.user.click(screen.getByRole('radio', { name: 'List' }))
  await within(list()).findByText('Bea')
  return opened
}

const names = () => within(list()).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('gridcell')[0].textContent)
const header = (name: string) => within(list()).getByRole('columnheader', { name })

describe('the list', () => {
  it('shows name, type, size, modified and owner, folders first, by name to begin with', async () => {
    await openList()
    expect(within(list()).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name', 'Type', 'Size', 'Modified', 'Owner'])
    expect(names()).toEqual(['Archive', 'Zebra folder', 'alpha.pdf', 'beta.png', 'gamma.doc'])
    expect(header('Name')).toHaveAttribute('aria-sort', 'ascending')
    const beta = within(list()).getByRole('row', { name: /^beta\.png/ })
    expect(within(beta).getAllByRole('gridcell').map((c) => c.textContent)).toEqual(['beta.png', 'PNG', '2.9 KB', expect.any(String), 'Ada'])
    expect(within(within(list()).getByRole('row', { name: /^Archive/ })).getAllByRole('gridcell')[2]).toHaveTextContent('7 items')
  })

  it('sorts by each column when its header is pressed, and the other way when pressed again', async () => {
    const { user } = await openList()
    await user.click(within(header('Size')).getByRole('button'))
    expect(header('Size')).toHaveAttribute('aria-sort', 'ascending')
    expect(header('Name')).toHaveAttribute('aria-sort', 'none')
    expect(names()).toEqual(['Zebra folder', 'Archive', 'gamma.doc', 'beta.png', 'alpha.pdf'])
    await user.click(within(header('Size')).getByRole('button'))
    expect(header('Size')).toHaveAttribute('aria-sort', 'descending')
    expect(names()).toEqual(['Archive', 'Zebra folder', 'alpha.pdf', 'beta.png', 'gamma.doc'])
    await user.click(within(header('Modified')).getByRole('button'))
    expect(names()).toEqual(['Archive', 'Zebra folder', 'alpha.pdf', 'gamma.doc', 'beta.png'])
    await user.click(within(header('Owner')).getByRole('button'))
    expect(names()).toEqual(['Archive', 'Zebra folder', 'beta.png', 'gamma.doc', 'alpha.pdf'])
    await user.click(within(header('Type')).getByRole('button'))
    expect(names()).toEqual(['Archive', 'Zebra folder', 'gamma.doc', 'alpha.pdf', 'beta.png'])
    await user.click(within(header('Type')).getByRole('button'))
    expect(names()).toEqual(['Zebra folder', 'Archive', 'beta.png', 'alpha.pdf', 'gamma.doc'])
    await user.click(within(header('Name')).getByRole('button'))
    expect(names()).toEqual(['Archive', 'Zebra folder', 'alpha.pdf', 'beta.png', 'gamma.doc'])
  })

  it('selects rows with click, shift-click and the arrow keys in the sorted order', async () => {
    const { user } = await openList()
    await user.click(within(header('Size')).getByRole('button'))
    const row = (name: string) => within(list()).getByRole('row', { name: new RegExp(`^${name}`) })
    await user.click(row('gamma.doc'))
    await user.keyboard('{Shift>}')
    await user.click(row('alpha.pdf'))
    await user.keyboard('{/Shift}')
    const selected = () => within(list()).getAllByRole('row').filter((r) => r.getAttribute('aria-selected') === 'true').map((r) => within(r).getAllByRole('gridcell')[0].textContent)
    expect(selected()).toEqual(['gamma.doc', 'beta.png', 'alpha.pdf'])
    await user.keyboard('{ArrowUp}')
    expect(selected()).toEqual(['beta.png'])
    await user.keyboard('{ArrowUp}{ArrowUp}')
    expect(selected()).toEqual(['Archive'])
    expect(list()).toHaveAttribute('aria-activedescendant', row('Archive').id)
  })

  it('holds a bounded number of rows in the DOM for a folder of 100,000 files', async () => {
    onTestFinished(fakeLayout())
    const files = Array.from({ length: 100_000 }, (_, i) => file(`f${i}`, `scan-${String(i).padStart(6, '0')}.tif`, 'h', { mime: 'image/tiff' }))
    const { user } = await openWorkspace(sessionOf(ADA), [HOME, ...files], ['h'])
    await user.click(screen.getByRole('radio', { name: 'List' }))
    const rows = await within(list()).findAllByRole('row')
    expect(list()).toHaveAttribute('aria-rowcount', '100001')
    expect(rows.length).toBeGreaterThan(10)
    expect(rows.length).toBeLessThanOrEqual(50)
    fireEvent.keyDown(list(), { key: 'End' })
    const last = await within(list()).findByRole('row', { name: /^scan-099999\.tif/ })
    expect(last).toHaveAttribute('aria-rowindex', '100001')
    expect(within(list()).getAllByRole('row').length).toBeLessThanOrEqual(50)
  })
})
