// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors.js'
import { offeredActions } from '../../../renderer/components/menu/assetActions.js'
import { openDialog, tearDown } from '../jobs/harness.js'
import { file } from '../support/views.js'

afterEach(tearDown)

const photo = (id: string, name: string) => file(id, name, 'f1', { mime: 'image/jpeg', path: `/Shoot/${name}`, size: 1024 * 1024 })

describe('Find duplicates', () => {
  it('lists the groups of same content and of look-alikes, each file by its path', async () => {
    const { api } = openDialog({ kind: 'duplicates', folderId: 'f1' }, {
      'duplicates.find': () => ({
        sameContent: [{ files: [photo('a', 'a.jpg'), photo('b', 'b.jpg')] }],
        lookAlike: [{ files: [photo('c', 'c.jpg'), photo('d', 'd-small.jpg')] }],
      }),
    })
    const same = await screen.findByRole('region', { name: 'Same content' })
    expect(api.callsTo('duplicates.find')).toEqual([{ folderId: 'f1' }])
    expect(within(same).getAllByRole('button').map((b) => b.textContent)).toEqual(['/Shoot/a.jpg', '/Shoot/b.jpg'])
    const alike = screen.getByRole('region', { name: 'Look the same' })
    expect(within(alike).getAllByRole('button').map((b) => b.textContent)).toEqual(['/Shoot/c.jpg', '/Shoot/d-small.jpg'])
  })

  it('says so when nothing is duplicated, and shows a refusal as an alert', async () => {
    openDialog({ kind: 'duplicates' }, { 'duplicates.find': () => ({ sameContent: [], lookAlike: [] }) })
    expect(await screen.findByText('No two files have the same content.')).toBeInTheDocument()
    tearDown()
    openDialog({ kind: 'duplicates', folderId: 'gone' }, {
      'duplicates.find': () => {
        throw new AppError('NOT_FOUND', 'No file or folder with id gone.', { id: 'gone' })
      },
    })
    expect(await screen.findByRole('alert')).toHaveTextContent('No file or folder with id gone.')
  })
})

describe('Similar images', () => {
  it('is offered for one file with a picture, and lists the matches nearest first with how alike they are', async () => {
    expect(offeredActions([photo('a', 'a.jpg')]).map((a) => a.id)).toContain('similar')
    expect(offeredActions([file('v', 'clip.mp4', 'f1', { mime: 'video/mp4' })]).map((a) => a.id)).toContain('similar')
    expect(offeredActions([file('z', 'a.zip', 'f1', { mime: 'application/zip' })]).map((a) => a.id)).not.toContain('similar')
    expect(offeredActions([photo('a', 'a.jpg'), photo('b', 'b.jpg')]).map((a) => a.id)).not.toContain('similar')
    openDialog({ kind: 'similar', fileId: 'a' }, {
      'duplicates.similar': () => ({
        matches: [
          { file: photo('b', 'b.jpg'), distance: 0, sameContent: true },
          { file: photo('c', 'c-crop.jpg'), distance: 8, sameContent: false },
        ],
      }),
    })
    const list = await screen.findByRole('list', { name: 'Similar images' })
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['/Shoot/b.jpg1.0 MB · same content', '/Shoot/c-crop.jpg1.0 MB · 8 of 64 bits differ'])
  })
})
