import type { GroupRecord, Id, MembershipRecord, Role, UserRecord } from '../../shared/domain.js'
import type { Prng } from './prng.js'
import type { Scale } from './scale.js'
import { FIRST_NAMES, GROUP_WORDS, LAST_NAMES } from './vocabulary.js'

export interface People {
  users: UserRecord[]
  groups: GroupRecord[]
  memberships: MembershipRecord[]
  adminId: Id
  /** Admins, developers and full-access users: who creates most of the library. */
  staffIds: Id[]
  restrictedIds: Id[]
  groupIds: Id[]
}

/** Users (the first is the admin the library was created with), groups, and restricted users' memberships. */
export function buildPeople(prng: Prng, scale: Scale, clock: () => number): People {
  const users: UserRecord[] = []
  const staffIds: Id[] = []
  const restrictedIds: Id[] = []
  const staff = scale.users - scale.restrictedUsers
  for (let i = 0; i < scale.users; i++) {
    const role: Role = i >= staff ? 'restricted' : i % 25 === 0 ? 'admin' : i % 2 === 0 ? 'developer' : 'fullAccess'
    const first = prng.pick(FIRST_NAMES)
    const last = prng.pick(LAST_NAMES)
    const user: UserRecord = {
      id: prng.uuid(),
      name: `${first} ${last}`,
      email: i === 0 ? 'admin@example.com' : `${first}.${last}.${i}@example.com`.toLowerCase(),
      role,
      // Shaped like the real scrypt hashes so the record is its real size; nobody signs in here.
      passwordHash: `scrypt$16384$8$1$${Buffer.from(prng.hex(32), 'hex').toString('base64')}$${Buffer.from(prng.hex(128), 'hex').toString('base64')}`,
      createdAt: clock(),
    }
    users.push(user)
    ;(role === 'restricted' ? restrictedIds : staffIds).push(user.id)
  }
  const groups: GroupRecord[] = []
  for (let i = 0; i < scale.groups; i++) {
    groups.push({ id: prng.uuid(), name: `${GROUP_WORDS[i % GROUP_WORDS.length]} ${Math.floor(i / GROUP_WORDS.length) + 1}`, createdAt: clock() })
  }
  const groupIds = groups.map((g) => g.id)
  const memberships: MembershipRecord[] = []
  // Only restricted users belong to groups (docs/permissions.md: a role change removes them).
  for (const userId of restrictedIds) {
    for (const groupId of prng.sample(groupIds, prng.between(0, scale.maxGroupsPerUser))) {
      memberships.push({ id: `${groupId}:${userId}`, groupId, userId })
    }
  }
  return { users, groups, memberships, adminId: users[0].id, staffIds, restrictedIds, groupIds }
}
