// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { fakeLayout } from '../support/dom.js'
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { resetStore } from '../../../renderer/store/index.js'
import { pageUrl } from '../../../renderer/store/platform.js'
import { ADA, file, folder, sessionOf } from '../support/views.js'
import { openWorkspace } from '../support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const HOME = folder('h', 'Home', null, { childCount: 3 })

async function openPdf(pages: number | undefined) {
  onTestFinished(fakeLayout(1000, 700))
  const deck = file('d', 'deck.pdf', 'h', { mime: 'application/pdf', level: 'view', currentVersion: 3, ...(pages === undefined ? {} : { media: { pages } }) })
  const before = file('a', 'a-photo.jpg', 'h', { mime: 'image/jpeg', width: 800, height: 600, level: 'view' })
  const after = file('z', 'z-photo.jpg', 'h', { mime: 'image/jpeg', width: 800, height: 600, level: 'view' })
  const { user } = await openWorkspace(sessionOf(ADA), [HOME, before, deck, after], ['h'])
  await user.dblClick(await screen.findByRole('option', { name: 'deck.pdf' }))
  const dialog = screen.getByRole('dialog', { name: 'Viewer: deck.pdf' })
  return { user, dialog }
}

const shownPage = (dialog: HTMLElement) => within(dialog).getByRole('img', { name: /^deck\.pdf, page/ })

describe('the viewer on a PDF', () => {
  it('shows the first page drawn by main, says how many there are, and pages with the buttons', async () => {
    const { user, dialog } = await openPdf(3)
    expect(shownPage(dialog)).toHaveAttribute('src', pageUrl('d', 1, 3))
    expect(shownPage(dialog)).toHaveAccessibleName('deck.pdf, page 1 of 3')
    expect(within(dialog).getByLabelText('Page')).toHaveTextContent('Page 1 of 3')
    expect(within(dialog).getByText('Pages').nextElementSibling).toHaveTextContent('3')
    const previous = within(dialog).getByRole('button', { name: 'Previous page' })
    const next = within(dialog).getByRole('button', { name: 'Next page' })
    expect(previous).toBeDisabled()

    await user.click(next)
    await user.click(next)
    expect(shownPage(dialog)).toHaveAttribute('src', pageUrl('d', 3, 3))
    expect(within(dialog).getByLabelText('Page')).toHaveTextContent('Page 3 of 3')
    expect(next).toBeDisabled()
    await user.click(previous)
    expect(shownPage(dialog)).toHaveAttribute('src', pageUrl('d', 2, 3))
  })

  it('pages with Page Down and Page Up, Home and End, while Left and Right still go to the next file', async () => {
    const { user, dialog } = await openPdf(12)
    await user.keyboard('{PageDown}{PageDown}')
    expect(within(dialog).getByLabelText('Page')).toHaveTextContent('Page 3 of 12')
    await user.keyboard('{End}')
    expect(shownPage(dialog)).toHaveAttribute('src', pageUrl('d', 12, 3))
    await user.keyboard('{PageDown}')
    expect(within(dialog).getByLabelText('Page')).toHaveTextContent('Page 12 of 12')
    await user.keyboard('{PageUp}')
    expect(within(dialog).getByLabelText('Page')).toHaveTextContent('Page 11 of 12')
    await user.keyboard('{Home}')
    expect(within(dialog).getByLabelText('Page')).toHaveTextContent('Page 1 of 12')
    await user.keyboard('{ArrowRight}')
    expect(screen.getByRole('dialog', { name: 'Viewer: z-photo.jpg' })).toBeInTheDocument()
    await user.keyboard('{ArrowLeft}')
    // Back on the PDF, it starts from its first page again.
    expect(within(screen.getByRole('dialog', { name: 'Viewer: deck.pdf' })).getByLabelText('Page')).toHaveTextContent('Page 1 of 12')
  })

  it('says which page could not be drawn and lets the others be shown', async () => {
    const { user, dialog } = await openPdf(3)
    await user.keyboard('{PageDown}')
    fireEvent.error(shownPage(dialog))
    expect(within(dialog).getByText(/Page 2 could not be drawn/)).toBeInTheDocument()
    await user.keyboard('{PageDown}')
    expect(shownPage(dialog)).toHaveAttribute('src', pageUrl('d', 3, 3))
  })

  it('shows a one-page PDF, or one whose pages were not counted, without page controls', async () => {
    const { dialog } = await openPdf(undefined)
    expect(shownPage(dialog)).toHaveAttribute('src', pageUrl('d', 1, 3))
    expect(within(dialog).queryByRole('button', { name: 'Next page' })).toBeNull()
  })
})
