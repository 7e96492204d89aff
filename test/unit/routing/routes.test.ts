import { describe, expect, it } from 'vitest'
import { formatRoute, parseRoute, type Route } from '../../../renderer/routing/routes.js'

const roundTrip = (route: Route) => {
  const [path, search] = formatRoute(route).split('?')
  return parseRoute(path, search ?? '')
}

describe('addresses', () => {
  it('give every place an address that reads back as the same place', () => {
    const routes: Route[] = [
      { place: { kind: 'start' } },
      { place: { kind: 'shared' } },
      { place: { kind: 'admin' } },
      { place: { kind: 'folder', id: 'f1' }, fileId: 'x9' },
      { place: { kind: 'collection', id: 'c1' } },
      { place: { kind: 'asset', id: 'a1' } },
      {
        place: {
          kind: 'search',
          filters: {
            query: 'red car & "kids"', type: 'image', tags: ['blue', 'a,b'], camera: 'Canon EOS', takenFrom: '2024-01-01', takenTo: '2024-02-01',
            modifiedFrom: '2023-05-05', folderId: 'f1', metadata: [{ fieldId: 'fld1', value: 'client: Acme' }],
          },
        },
        fileId: 'x1',
      },
    ]
    for (const route of routes) expect(roundTrip(route)).toEqual(route)
  })

  it('name nothing for a malformed address, and drop malformed filters', () => {
    expect(parseRoute('/folder', '')).toBeNull()
    expect(parseRoute('/folder/a/b', '')).toBeNull()
    expect(parseRoute('/nowhere', '')).toBeNull()
    expect(parseRoute('/folder/%E0%A4%A', '')).toBeNull()
    expect(parseRoute('/folder/f1', 'file=../etc')).toBeNull()
    expect(parseRoute('/search', 'q=cat&type=movie&taken=yesterday..&in=%2F')).toEqual({ place: { kind: 'search', filters: { query: 'cat' } } })
  })
})
