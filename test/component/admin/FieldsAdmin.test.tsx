// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetStore } from '../../../renderer/store/index.js'
import { openAdmin } from './fixtures.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const form = () => screen.getByRole('form', { name: 'New field' })

describe('administration: custom metadata fields', () => {
  it('lists the fields with their type and options', async () => {
    await openAdmin('Metadata fields')
    const row = (await screen.findByRole('cell', { name: 'Season' })).closest('tr')!
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Season', 'Single choice', 'Spring, Summer', 'Delete…'])
  })

  it('defines a field of each kind; choices take options, one per line', async () => {
    const { user, api } = await openAdmin('Metadata fields')
    await user.type(within(await screen.findByRole('form', { name: 'New field' })).getByLabelText('Field name'), 'Rating')
    await user.selectOptions(within(form()).getByLabelText('Type'), 'Number')
    expect(within(form()).queryByLabelText('Options')).toBeNull()
    await user.click(within(form()).getByRole('button', { name: 'Define field' }))
    await screen.findByRole('cell', { name: 'Rating' })

    await user.type(within(form()).getByLabelText('Field name'), 'Channels')
    await user.selectOptions(within(form()).getByLabelText('Type'), 'Multiple choice')
    await user.type(within(form()).getByLabelText('Options'), 'Web{Enter}Print{Enter}{Enter} Social ')
    await user.click(within(form()).getByRole('button', { name: 'Define field' }))
    await screen.findByRole('cell', { name: 'Channels' })
    expect(api.callsTo('metadata.defineField')).toEqual([
      { name: 'Rating', type: 'number', options: undefined },
      { name: 'Channels', type: 'multiSelect', options: ['Web', 'Print', 'Social'] },
    ])
  })

  it('shows main’s refusal under the field it is about', async () => {
    const { user } = await openAdmin('Metadata fields')
    await user.type(within(await screen.findByRole('form', { name: 'New field' })).getByLabelText('Field name'), 'Mood')
    await user.selectOptions(within(form()).getByLabelText('Type'), 'Single choice')
    await user.click(within(form()).getByRole('button', { name: 'Define field' }))
    expect(await within(form()).findByRole('alert')).toHaveTextContent('A singleSelect field needs at least one option.')
    expect(within(form()).getByLabelText('Options')).toHaveAttribute('aria-invalid', 'true')
  })

  it('deletes a field after a confirmation that says its values go with it', async () => {
    const { user, api } = await openAdmin('Metadata fields')
    await user.click(await screen.findByRole('button', { name: 'Delete field Season' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the field Season?' })
    expect(dialog).toHaveTextContent('with the values files hold in it')
    await user.click(within(dialog).getByRole('button', { name: 'Delete field' }))
    await waitFor(() => expect(screen.queryByRole('cell', { name: 'Season' })).toBeNull())
    expect(api.callsTo('metadata.deleteField')).toEqual([{ fieldId: 'f-season' }])
  })
})
