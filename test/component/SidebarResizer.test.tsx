// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import './support/dom.js'
import { cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetStore } from '../../renderer/store/index.js'
import { ADA, folder, sessionOf } from './support/views.js'
import { openWorkspace } from './support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
  localStorage.clear()
})

describe('the sidebar', () => {
  it('is resized by keyboard and by dragging its handle, within bounds, and keeps its width', async () => {
    const { user } = await openWorkspace(sessionOf(ADA), [folder('h', 'Home', null)], ['h'])
    const handle = screen.getByRole('separator', { name: 'Resize the sidebar' })
    const workspace = handle.parentElement!
    expect(handle).toHaveAttribute('aria-valuenow', '248')
    handle.focus()
    await user.keyboard('{ArrowRight}{ArrowRight}')
    expect(handle).toHaveAttribute('aria-valuenow', '280')
    expect(workspace.style.getPropertyValue('--sidebar-width')).toBe('280px')
    fireEvent.pointerDown(handle, { button: 0, pointerId: 1, clientX: 280 })
    fireEvent.pointerMove(handle, { pointerId: 1, clientX: 1000 })
    fireEvent.pointerUp(handle, { pointerId: 1 })
    expect(handle).toHaveAttribute('aria-valuenow', '520')
    await user.keyboard('{Home}')
    expect(handle).toHaveAttribute('aria-valuenow', '180')
    cleanup()
    resetStore()
    await openWorkspace(sessionOf(ADA), [folder('h', 'Home', null)], ['h'])
    expect(screen.getByRole('separator', { name: 'Resize the sidebar' })).toHaveAttribute('aria-valuenow', '180')
  })
})
