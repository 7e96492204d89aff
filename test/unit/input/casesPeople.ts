import type { groupChannels } from '../../../shared/contract/groups.js'
import type { sessionChannels } from '../../../shared/contract/session.js'
import type { userChannels } from '../../../shared/contract/users.js'
import type { CaseBuilder } from './cases.js'
import { ROB_PASSWORD } from './world.js'

type PeopleChannel = keyof typeof sessionChannels | keyof typeof userChannels | keyof typeof groupChannels

const tooLongPassword = 'p'.repeat(1025)

/** Session, user and group channels. */
export const peopleCases: CaseBuilder<PeopleChannel> = (w) => ({
  'session.current': { valid: undefined, required: [], cases: [] },
  'session.signIn': {
    valid: { email: w.rob.email, password: ROB_PASSWORD },
    required: ['email'],
    cases: [
      { why: 'not an email', input: { email: 'not-an-email' }, code: 'INVALID_INPUT', mentions: 'email' },
      { why: 'a 10,000 character email', input: { email: `${'e'.repeat(10_000)}@example.com` }, code: 'INVALID_INPUT' },
      { why: 'a password over 1024 characters', input: { email: w.rob.email, password: tooLongPassword }, code: 'INVALID_INPUT' },
      // Signing in never tells which emails have accounts.
      { why: 'an email no one has', input: { email: 'nobody@example.com' }, code: 'UNAUTHENTICATED' },
      { why: 'no password for a user who has one', input: { email: w.rob.email }, code: 'UNAUTHENTICATED' },
      { why: 'a wrong password', input: { email: w.rob.email, password: `${ROB_PASSWORD}!` }, code: 'UNAUTHENTICATED' },
      { why: 'an account without a password', input: { email: w.rita.email, password: 'anything at all' }, code: 'UNAUTHENTICATED' },
    ],
  },
  'session.switchUser': {
    valid: { userId: w.rob.id, password: ROB_PASSWORD },
    required: ['userId'],
    // Run as the admin, who switches without a password: the password rules are in sessions.test.ts.
    cases: [
      { why: 'a password over 1024 characters', input: { userId: w.rob.id, password: tooLongPassword }, code: 'INVALID_INPUT' },
    ],
  },
  'session.viewAs': {
    valid: { userId: w.rita.id },
    required: ['userId'],
    cases: [
      { why: 'a full access user', input: { userId: w.fran.id }, code: 'INVALID_INPUT' },
      { why: 'the admin themself', input: { userId: w.admin.session.userId }, code: 'INVALID_INPUT' },
    ],
  },
  'session.endViewAs': { valid: undefined, required: [], cases: [] },

  'users.list': { valid: undefined, required: [], cases: [] },
  'users.create': {
    valid: { name: 'Nina', email: 'nina@example.com', role: 'restricted', password: 'long enough password' },
    required: ['name', 'email', 'role'],
    named: (name) => ({ name, email: 'nina@example.com', role: 'restricted' }),
    cases: [
      { why: 'an unknown role', input: { name: 'Nina', email: 'nina@example.com', role: 'root' }, code: 'INVALID_INPUT', mentions: 'role' },
      { why: 'not an email', input: { name: 'Nina', email: 'nina', role: 'restricted' }, code: 'INVALID_INPUT', mentions: 'email' },
      { why: 'a 7 character password', input: { name: 'Nina', email: 'nina@example.com', role: 'restricted', password: 'seven77' }, code: 'INVALID_INPUT', mentions: 'password' },
      { why: 'a password over 1024 characters', input: { name: 'Nina', email: 'nina@example.com', role: 'restricted', password: tooLongPassword }, code: 'INVALID_INPUT' },
    ],
  },
  'users.update': {
    valid: { userId: w.rita.id, name: 'Rita R', email: 'rita.r@example.com', role: 'restricted', password: 'another long password' },
    required: ['userId'],
    named: (name) => ({ userId: w.rita.id, name }),
    cases: [
      { why: 'an unknown role', input: { userId: w.rita.id, role: 'owner' }, code: 'INVALID_INPUT', mentions: 'role' },
      { why: 'not an email', input: { userId: w.rita.id, email: 'rita at example' }, code: 'INVALID_INPUT', mentions: 'email' },
      { why: 'a short password', input: { userId: w.rita.id, password: 'short' }, code: 'INVALID_INPUT', mentions: 'password' },
    ],
  },
  'users.delete': {
    valid: { userId: w.dev.id },
    required: ['userId'],
    cases: [{ why: 'the signed-in admin', input: { userId: w.admin.session.userId }, code: 'CONFLICT' }],
  },

  'groups.list': { valid: undefined, required: [], cases: [] },
  'groups.create': { valid: { name: 'Designers' }, required: ['name'], named: (name) => ({ name }), cases: [] },
  'groups.rename': {
    valid: { groupId: w.groupId, name: 'Editors 2' },
    required: ['groupId', 'name'],
    named: (name) => ({ groupId: w.groupId, name }),
    cases: [],
  },
  'groups.delete': { valid: { groupId: w.groupId }, required: ['groupId'], cases: [] },
  'groups.shares': { valid: { groupId: w.groupId }, required: ['groupId'], cases: [] },
  'groups.addMembers': {
    valid: { groupId: w.groupId, userIds: [w.rob.id] },
    required: ['groupId', 'userIds'],
    cases: [
      { why: 'no users', input: { groupId: w.groupId, userIds: [] }, code: 'INVALID_INPUT', mentions: 'userIds' },
      { why: 'a user twice', input: { groupId: w.groupId, userIds: [w.rob.id, w.rob.id] }, code: 'INVALID_INPUT', mentions: 'userIds' },
      { why: 'a user who is not restricted', input: { groupId: w.groupId, userIds: [w.rob.id, w.fran.id] }, code: 'INVALID_INPUT', mentions: w.fran.id },
    ],
  },
  'groups.removeMembers': {
    valid: { groupId: w.groupId, userIds: [w.rita.id] },
    required: ['groupId', 'userIds'],
    cases: [
      { why: 'no users', input: { groupId: w.groupId, userIds: [] }, code: 'INVALID_INPUT', mentions: 'userIds' },
      { why: 'a user twice', input: { groupId: w.groupId, userIds: [w.rita.id, w.rita.id] }, code: 'INVALID_INPUT', mentions: 'userIds' },
    ],
  },
})
