import { render, screen } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import type { AssetView, SessionView } from '../../../shared/views.js'
import { App } from '../../../renderer/components/App.js'
import { mockApi, type Handlers, type MockApi } from './mockApi.js'
import { treeHandlers } from './library.js'

/**
 * The whole app on a small library, as a person meets it: signed in as `session`, the tree
 * and listings served from `assets`, plus whatever channels the test adds. Resolves once the
 * centre shows something.
 */
export async function openWorkspace(
  session: SessionView,
  assets: AssetView[],
  rootIds: string[],
  extra: Partial<Handlers> = {},
  options: { desktop?: boolean } = {},
): Promise<{ api: MockApi; user: ReturnType<typeof userEvent.setup> }> {
  const api = mockApi({ 'session.current': () => session, ...treeHandlers(assets, rootIds), ...quietDetails(assets), ...extra }, options)
  const user = userEvent.setup()
  render(<App />)
  await screen.findByRole('main', { name: 'Contents' })
  return { api, user }
}

/**
 * What the details panel asks for whenever one item is selected: one current version per
 * file, no comments, no collections. Tests of the panel give their own.
 */
function quietDetails(assets: AssetView[]): Partial<Handlers> {
  return {
    'files.versions': ({ fileId }) => {
      const f = assets.find((a) => a.id === fileId)!
      return [{ number: 1, size: f.size ?? 0, mime: f.mime ?? '', createdBy: f.createdBy, createdAt: f.createdAt, current: true }]
    },
    'comments.list': () => [],
    'collections.associations': () => [],
  }
}

/** The centre's grid of tiles. */
export function grid(): HTMLElement {
  return screen.getByRole('listbox', { name: /^(Contents of|Search results for) / })
}

/** The centre's list with its sortable columns. */
export function list(): HTMLElement {
  return screen.getByRole('grid', { name: /^(Contents of|Search results for) / })
}

/** A drag's data as a browser carries it: the types are readable during the drag, the data only on drop. */
export function dataTransfer(init: { files?: File[]; data?: Record<string, string> } = {}): DataTransfer {
  const data: Record<string, string> = { ...init.data }
  const files = init.files ?? []
  return {
    get types() {
      return [...Object.keys(data), ...(files.length > 0 ? ['Files'] : [])]
    },
    files,
    items: files.map((file) => ({ kind: 'file', type: file.type, getAsFile: () => file })),
    getData: (type: string) => data[type] ?? '',
    setData: (type: string, value: string) => {
      data[type] = value
    },
    dropEffect: 'none',
    effectAllowed: 'all',
  } as unknown as DataTransfer
}
