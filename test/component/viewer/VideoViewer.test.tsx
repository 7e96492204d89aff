// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { fakeLayout } from '../support/dom.js'
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { resetStore } from '../../../renderer/store/index.js'
import { fileUrl } from '../../../renderer/store/platform.js'
import { ADA, file, folder, sessionOf } from '../support/views.js'
import { openWorkspace } from '../support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
})

describe('the viewer on a video', () => {
  it('plays the file itself from the content route (which serves ranges, so it seeks), with the poster frame until it plays', async () => {
    onTestFinished(fakeLayout(1000, 700))
    const HOME = folder('h', 'Home', null, { childCount: 1 })
    const clip = file('v', 'clip.mp4', 'h', { mime: 'video/mp4', width: 1280, height: 720, level: 'manage', currentVersion: 2 })
    const { user } = await openWorkspace(sessionOf(ADA), [HOME, clip], ['h'])
    await user.dblClick(await screen.findByRole('option', { name: 'clip.mp4' }))
    const dialog = screen.getByRole('dialog', { name: 'Viewer: clip.mp4' })
    const player = within(dialog).getByLabelText('clip.mp4') as HTMLVideoElement
    expect(player.tagName).toBe('VIDEO')
    expect(player.controls).toBe(true)
    expect(player.getAttribute('src')).toBe(fileUrl('file', 'v', 2))
    expect(player.getAttribute('poster')).toBe(fileUrl('preview', 'v', 2))
  })

  it('leaves the arrow keys and Space to the player while it has focus; elsewhere they page and close', async () => {
    onTestFinished(fakeLayout(1000, 700))
    const HOME = folder('h', 'Home', null, { childCount: 2 })
    const clip = file('v', 'a-clip.mp4', 'h', { mime: 'video/mp4', level: 'manage' })
    const next = file('w', 'b-clip.mp4', 'h', { mime: 'video/mp4', level: 'manage' })
    const { user } = await openWorkspace(sessionOf(ADA), [HOME, clip, next], ['h'])
    await user.dblClick(await screen.findByRole('option', { name: 'a-clip.mp4' }))
    const player = within(screen.getByRole('dialog', { name: 'Viewer: a-clip.mp4' })).getByLabelText('a-clip.mp4')
    // A browser lets a player with controls take focus; jsdom needs telling.
    player.tabIndex = 0
    player.focus()
    expect(player).toHaveFocus()
    await user.keyboard('{ArrowRight} ')
    expect(screen.getByRole('dialog', { name: 'Viewer: a-clip.mp4' })).toBeInTheDocument()
    screen.getByRole('dialog', { name: 'Viewer: a-clip.mp4' }).focus()
    await user.keyboard('{ArrowRight}')
    expect(screen.getByRole('dialog', { name: 'Viewer: b-clip.mp4' })).toBeInTheDocument()
  })
})
