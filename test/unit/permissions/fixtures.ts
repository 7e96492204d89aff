/** Small builders shared by the permission tests: restricted users, folder chains, text content. */
import type { Caller } from '../../../main/core/index.js'
import type { TempLibrary } from '../../support/tempLibrary.js'

export interface Person {
  id: string
  as: Caller
}

/** A restricted user created by the admin, with a caller acting as them. */
export async function restrictedUser(t: TempLibrary, name: string): Promise<Person> {
  const user = await t.admin.call('users.create', { name, email: `${name.toLowerCase()}@example.com`, role: 'restricted' })
  return { id: user.id, as: t.library.as(user.id) }
}

/** Folders under Home (or under `parentId`), one per name, each inside the previous one. */
export async function folderChain(t: TempLibrary, names: string[], parentId = t.homeId): Promise<{ id: string; name: string }[]> {
  const out: { id: string; name: string }[] = []
  for (const name of names) {
    const folder = await t.admin.call('folders.create', { parentId: out.at(-1)?.id ?? parentId, name })
    out.push(folder)
  }
  return out
}

export const textBase64 = (s: string) => Buffer.from(s).toString('base64')
