// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Level } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import { resetStore } from '../../../renderer/store/index.js'
import type { Handlers } from '../support/mockApi.js'
import { RITA, file, sessionOf } from '../support/views.js'
import { grid, openWorkspace } from '../support/workspace.js'
import { SHARED, detailHandlers, photo } from './fixtures.js'

afterEach(() => {
  cleanup()
  resetStore()
})

/** Rita (restricted) opens the shared Studio and selects the photo, at the level given. */
async function select(level: Level, asset: AssetView = photo(level), extra: Partial<Handlers> = {}) {
  const { handlers, state } = detailHandlers(asset)
  const opened = await openWorkspace(sessionOf(RITA), [SHARED(level), asset], ['s'], { ...handlers, ...extra })
  await opened.user.dblClick(within(grid()).getByRole('option', { name: 'Studio' }))
  await opened.user.click(await within(grid()).findByRole('option', { name: asset.name }))
  const panel = screen.getByRole('complementary', { name: 'Details' })
  await within(panel).findByRole('heading', { name: asset.name })
  return { ...opened, panel, state }
}

const section = (panel: HTMLElement, name: string) => within(panel).getByRole('region', { name })

describe('the details panel', () => {
  it('says what to do when nothing is selected', async () => {
    await openWorkspace(sessionOf(RITA), [SHARED('view')], ['s'])
    expect(screen.getByRole('complementary', { name: 'Details' })).toHaveTextContent('Select a file or folder to see its details here.')
  })

  it('shows a placeholder until the preview arrives, then the preview of the current version', async () => {
    const { panel } = await select('view')
    const img = within(panel).getByRole('img', { name: 'Preview of harbour.jpg' })
    expect(img).toHaveAttribute('src', '/preview/p?v=2')
    expect(within(panel).getByRole('status', { name: 'Loading preview' })).toBeInTheDocument()
    act(() => {
      img.dispatchEvent(new Event('load'))
    })
    expect(within(panel).queryByRole('status', { name: 'Loading preview' })).toBeNull()
  })

  it('outlines the focus area on the preview once it has loaded, in the picture’s own coordinates', async () => {
    const { panel } = await select('view', photo('view', { focus: { x: 0.5, y: 0.25, width: 0.25, height: 0.5 } }))
    expect(within(panel).queryByRole('img', { name: 'Focus area' })).toBeNull()
    act(() => {
      within(panel).getByRole('img', { name: 'Preview of harbour.jpg' }).dispatchEvent(new Event('load'))
    })
    const overlay = within(panel).getByRole('img', { name: 'Focus area' })
    expect(overlay).toHaveAttribute('viewBox', '0 0 4000 3000')
    const frame = overlay.querySelector('rect')!
    expect([frame.getAttribute('x'), frame.getAttribute('y'), frame.getAttribute('width'), frame.getAttribute('height')]).toEqual(['2000', '750', '1000', '1500'])
  })

  it('draws no focus area on a preview of a file without one', async () => {
    const { panel } = await select('view')
    act(() => {
      within(panel).getByRole('img', { name: 'Preview of harbour.jpg' }).dispatchEvent(new Event('load'))
    })
    expect(within(panel).queryByRole('img', { name: 'Focus area' })).toBeNull()
  })

  it('shows an icon by type for a file that has no picture', async () => {
    const { panel } = await select('view', file('p', 'notes.zip', 's', { level: 'view', access: 'grant', mime: 'application/zip' }))
    expect(within(panel).queryByRole('img')).toBeNull()
    expect(panel.querySelector('.preview')).toHaveTextContent('ZIP')
  })

  it('shows a PDF by its first page, with its page count', async () => {
    const { panel } = await select('view', file('p', 'report.pdf', 's', { level: 'view', access: 'grant', media: { pages: 12 } }))
    expect(within(panel).getByRole('img', { name: 'Preview of report.pdf' })).toHaveAttribute('src', expect.stringContaining('preview'))
    const props = section(panel, 'Properties')
    expect(within(props).getByText('Pages').nextElementSibling?.textContent).toBe('12')
  })

  it('plays a video from its poster frame, and lists its duration, codec and frame rate', async () => {
    const clip = file('v', 'clip.mp4', 's', { level: 'view', access: 'grant', mime: 'video/mp4', width: 1920, height: 1080, media: { durationSec: 83.4, codec: 'h264', frameRate: 29.97 } })
    const { panel } = await select('view', clip)
    const video = panel.querySelector('video')!
    expect(video).toHaveAttribute('controls')
    expect(video.getAttribute('poster')).toContain('preview')
    expect(video.getAttribute('src')).toContain('file')
    const props = section(panel, 'Properties')
    const value = (term: string) => within(props).getByText(term).nextElementSibling?.textContent
    expect([value('Duration'), value('Codec'), value('Frame rate'), value('Dimensions')]).toEqual(['1:23', 'h264', '29.97 fps', '1920 × 1080'])
  })

  it('lists the properties: path, type, size, dimensions, owner by name, dates and the user’s access', async () => {
    const { panel } = await select('contribute')
    const props = section(panel, 'Properties')
    const value = (term: string) => within(props).getByText(term).nextElementSibling?.textContent
    expect(value('Path')).toBe('/Studio/harbour.jpg')
    expect(value('Type')).toBe('JPG (image/jpeg)')
    expect(value('Size')).toBe('2.3 MB')
    expect(value('Dimensions')).toBe('4000 × 3000')
    expect(value('Owner')).toBe('Bea')
    expect(value('Created')).toMatch(/2024/)
    expect(value('Modified')).toMatch(/2024/)
    expect(value('Your access')).toBe('Can contribute')
  })

  it('says which version a restored version came from', async () => {
    const { panel } = await select('view', undefined, {
      'files.versions': () => [
        { number: 3, size: 10, mime: 'image/jpeg', createdBy: 'u-bea', createdAt: 3, current: true, restoredFrom: 1 },
        { number: 1, size: 10, mime: 'image/jpeg', createdBy: 'u-bea', createdAt: 1, current: false },
      ],
    })
    const versions = section(panel, 'Versions')
    expect(await within(versions).findByRole('listitem', { name: 'Version 3' })).toHaveTextContent('Restored from version 1')
    expect(within(versions).getByRole('listitem', { name: 'Version 1' })).not.toHaveTextContent('Restored from')
  })

  it('offers no version changes at view: each version only to look at and download', async () => {
    const { panel } = await select('view')
    const versions = section(panel, 'Versions')
    expect(await within(versions).findAllByRole('listitem')).toHaveLength(2)
    expect(within(versions).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
      'Preview version 2', 'Download version 2', 'Preview version 1', 'Download version 1',
    ])
  })

  it('shows each version’s own thumbnail, previews it, and downloads it under a name of its own', async () => {
    const { panel, user } = await select('view')
    const versions = section(panel, 'Versions')
    const old = await within(versions).findByRole('listitem', { name: 'Version 1' })
    expect(old.querySelector('img.version-thumb')!.getAttribute('src')).toMatch(/thumb.*p.*v=1|v=1.*thumb/)
    await user.click(within(old).getByRole('button', { name: 'Preview version 1' }))
    const dialog = await screen.findByRole('dialog', { name: 'harbour.jpg, version 1' })
    expect(within(dialog).getByRole('img', { name: 'Version 1 of harbour.jpg' }).getAttribute('src')).toMatch(/preview.*v=1|v=1.*preview/)
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const clicked: Array<{ href: string; download: string }> = []
    const click = HTMLAnchorElement.prototype.click
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href')!, download: this.download })
    }
    try {
      await user.click(within(old).getByRole('button', { name: 'Download version 1' }))
      await waitFor(() => expect(clicked).toHaveLength(1))
    } finally {
      HTMLAnchorElement.prototype.click = click
    }
    expect(clicked[0].download).toBe('harbour (version 1).jpg')
    expect(clicked[0].href).toMatch(/v=1/)
  })

  it('offers upload and restore at contribute, but not deleting a version', async () => {
    const { panel, user, api } = await select('contribute', undefined, { 'files.restoreVersion': () => photo('contribute', { currentVersion: 3 }) })
    const versions = section(panel, 'Versions')
    expect(within(versions).getByRole('button', { name: /Upload new version/ })).toBeInTheDocument()
    const old = await within(versions).findByRole('listitem', { name: 'Version 1' })
    expect(within(within(versions).getByRole('listitem', { name: 'Version 2' })).queryByRole('button', { name: /Restore|Delete/ })).toBeNull()
    expect(within(old).queryByRole('button', { name: /Delete/ })).toBeNull()
    await user.click(within(old).getByRole('button', { name: 'Restore' }))
    await waitFor(() => expect(api.callsTo('files.restoreVersion')).toEqual([{ fileId: 'p', version: 1 }]))
  })

  it('deletes an old version at manage, after a confirmation', async () => {
    const { panel, user, api } = await select('manage', undefined, { 'files.deleteVersion': () => photo('manage') })
    const old = await within(section(panel, 'Versions')).findByRole('listitem', { name: 'Version 1' })
    await user.click(within(old).getByRole('button', { name: 'Delete version 1' }))
    const confirm = screen.getByRole('alertdialog', { name: 'Delete version 1?' })
    expect(api.callsTo('files.deleteVersion')).toEqual([])
    await user.click(within(confirm).getByRole('button', { name: 'Delete version' }))
    await waitFor(() => expect(api.callsTo('files.deleteVersion')).toEqual([{ fileId: 'p', version: 1 }]))
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  it('uploads a new version from the picker', async () => {
    const { panel, user, api } = await select('contribute', undefined, { 'files.uploadVersion': () => photo('contribute', { currentVersion: 3 }) })
    await user.click(within(section(panel, 'Versions')).getByRole('button', { name: /Upload new version/ }))
    await user.upload(screen.getByLabelText('Upload a new version'), new File(['new bytes'], 'harbour.jpg', { type: 'image/jpeg' }))
    await waitFor(() => expect(api.callsTo('files.uploadVersion')).toEqual([{ fileId: 'p', base64: btoa('new bytes') }]))
  })

  it('adds tags (several at once, separated by commas) and removes them at contribute', async () => {
    const { panel, user, api } = await select('contribute')
    const tags = section(panel, 'Tags')
    await user.type(within(tags).getByRole('textbox', { name: 'New tag' }), 'harbour, blue hour{Enter}')
    expect(await within(tags).findByText('blue hour')).toBeInTheDocument()
    expect(api.callsTo('tags.add')).toEqual([{ ids: ['p'], tags: ['harbour', 'blue hour'] }])
    await user.click(within(tags).getByRole('button', { name: 'Remove tag boats' }))
    await waitFor(() => expect(within(tags).queryByText('boats')).toBeNull())
    expect(api.callsTo('tags.remove')).toEqual([{ ids: ['p'], tags: ['boats'] }])
  })

  it('shows tags read-only at view', async () => {
    const { panel } = await select('view')
    const tags = section(panel, 'Tags')
    expect(within(tags).getByText('boats')).toBeInTheDocument()
    expect(within(tags).queryByRole('textbox')).toBeNull()
    expect(within(tags).queryByRole('button')).toBeNull()
  })
})
