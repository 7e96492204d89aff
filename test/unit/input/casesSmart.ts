import type { smartCollectionChannels } from '../../../shared/contract/smartCollections.js'
import type { CaseBuilder } from './cases.js'

/** Saved searches: each one must ask for something, and names are unique per owner. */
export const smartCases: CaseBuilder<keyof typeof smartCollectionChannels> = (w) => ({
  'smartCollections.list': { valid: undefined, required: [], cases: [] },
  'smartCollections.get': { valid: { smartCollectionId: w.smartId }, required: ['smartCollectionId'], cases: [] },
  'smartCollections.create': {
    valid: { name: 'Logos', search: { query: 'logo' } },
    required: ['name', 'search'],
    named: (name) => ({ name, search: { query: 'logo' } }),
    cases: [
      { why: 'a name the owner has, in other case', input: { name: 'BLUE THINGS', search: { query: 'logo' } }, code: 'CONFLICT' },
      { why: 'a search that asks for nothing', input: { name: 'All', search: { query: '  ' } }, code: 'INVALID_INPUT', mentions: 'query' },
      { why: 'an unknown filter', input: { name: 'Odd', search: { query: 'x', colour: 'red' } }, code: 'INVALID_INPUT', mentions: 'colour' },
      { why: 'a bad day', input: { name: 'Odd', search: { query: 'x', takenFrom: '2024-13-01' } }, code: 'INVALID_INPUT', mentions: 'takenFrom' },
      { why: 'a file as its folder', input: { name: 'Odd', search: { query: 'x', folderId: w.logoId } }, code: 'INVALID_INPUT', mentions: w.logoId },
      { why: 'a folder that is not there', input: { name: 'Odd', search: { query: 'x', folderId: 'no-such-id-0000' } }, code: 'NOT_FOUND', mentions: 'no-such-id-0000' },
    ],
  },
  'smartCollections.rename': {
    valid: { smartCollectionId: w.smartId, name: 'Blue' },
    required: ['smartCollectionId', 'name'],
    named: (name) => ({ smartCollectionId: w.smartId, name }),
    cases: [],
  },
  'smartCollections.setSearch': {
    valid: { smartCollectionId: w.smartId, search: { query: 'logo', type: 'image' } },
    required: ['smartCollectionId', 'search'],
    cases: [{ why: 'a search that asks for nothing', input: { smartCollectionId: w.smartId, search: { query: '', tags: [] } }, code: 'INVALID_INPUT', mentions: 'query' }],
  },
  'smartCollections.share': {
    valid: { smartCollectionId: w.smartId, subjectIds: [w.rita.id, w.groupId] },
    required: ['smartCollectionId', 'subjectIds'],
    cases: [
      { why: 'someone twice', input: { smartCollectionId: w.smartId, subjectIds: [w.rita.id, w.rita.id] }, code: 'INVALID_INPUT', mentions: 'subjectIds' },
      { why: 'the owner', input: { smartCollectionId: w.smartId, subjectIds: [w.admin.session.userId] }, code: 'INVALID_INPUT', mentions: 'owner' },
      { why: 'a file as a subject', input: { smartCollectionId: w.smartId, subjectIds: [w.logoId] }, code: 'NOT_FOUND', mentions: w.logoId },
    ],
  },
  'smartCollections.delete': { valid: { smartCollectionId: w.smartId }, required: ['smartCollectionId'], cases: [] },
  'smartCollections.assets': {
    valid: { smartCollectionId: w.smartId, limit: 10 },
    required: ['smartCollectionId'],
    cases: [{ why: 'a page of none', input: { smartCollectionId: w.smartId, limit: 0 }, code: 'INVALID_INPUT', mentions: 'limit' }],
  },
})
