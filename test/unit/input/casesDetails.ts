import type { collectionChannels } from '../../../shared/contract/collections.js'
import type { sharingChannels } from '../../../shared/contract/sharing.js'
import type { tagChannels } from '../../../shared/contract/tags.js'
import type { metadataChannels } from '../../../shared/contract/metadata.js'
import type { focusChannels } from '../../../shared/contract/focus.js'
import type { commentChannels } from '../../../shared/contract/comments.js'
import type { searchChannels } from '../../../shared/contract/search.js'
import type { BadCase, CaseBuilder } from './cases.js'
import { UNKNOWN } from './cases.js'

type DetailChannel =
  | keyof typeof tagChannels | keyof typeof metadataChannels | keyof typeof focusChannels | keyof typeof commentChannels
  | keyof typeof searchChannels | keyof typeof collectionChannels | keyof typeof sharingChannels

const longText = 't'.repeat(10_001)

function tagCases(fileId: string, folderId: string): BadCase[] {
  const input = (tags: unknown) => ({ ids: [fileId], tags })
  return [
    { why: 'no tags', input: input([]), code: 'INVALID_INPUT', mentions: 'tags' },
    { why: 'an empty tag', input: input(['']), code: 'INVALID_INPUT', mentions: 'tags' },
    { why: 'a tag of spaces', input: input(['   ']), code: 'INVALID_INPUT', mentions: 'tags' },
    { why: 'a 101 character tag', input: input(['t'.repeat(101)]), code: 'INVALID_INPUT', mentions: 'tags' },
    { why: 'a tag with a control character', input: input(['a\u0007b']), code: 'INVALID_INPUT', mentions: 'tags' },
    { why: 'a tag with a C1 control character', input: input(['a\u0085b']), code: 'INVALID_INPUT', mentions: 'tags' },
    { why: '101 tags', input: input(Array.from({ length: 101 }, (_, i) => `t${i}`)), code: 'INVALID_INPUT', mentions: 'tags' },
    { why: 'the same file twice', input: { ids: [fileId, fileId], tags: ['red'] }, code: 'INVALID_INPUT', mentions: 'ids' },
    { why: 'a folder among the files', input: { ids: [fileId, folderId], tags: ['red'] }, code: 'INVALID_INPUT', mentions: folderId },
  ]
}

function textCases(key: 'fileId' | 'commentId', id: string): BadCase[] {
  return [
    { why: 'empty text', input: { [key]: id, text: '' }, code: 'INVALID_INPUT', mentions: 'text' },
    { why: '10,001 characters of text', input: { [key]: id, text: longText }, code: 'INVALID_INPUT', mentions: 'text' },
  ]
}

/** Tags, metadata, focus, comments, search, collections and sharing. */
export const detailCases: CaseBuilder<DetailChannel> = (w) => ({
  'tags.add': { valid: { ids: [w.logoId], tags: ['red'] }, required: ['ids', 'tags'], cases: tagCases(w.logoId, w.marketingId) },
  'tags.remove': { valid: { ids: [w.logoId], tags: ['blue'] }, required: ['ids', 'tags'], cases: tagCases(w.logoId, w.marketingId) },
  'metadata.defineField': {
    valid: { name: 'Stage', type: 'singleSelect', options: ['draft', 'final'] },
    required: ['name', 'type', 'options'],
    named: (name) => ({ name, type: 'text' }),
    cases: [
      { why: 'an unknown type', input: { name: 'Stage', type: 'colour' }, code: 'INVALID_INPUT', mentions: 'type' },
      { why: 'options for a number field', input: { name: 'Stage', type: 'number', options: ['1'] }, code: 'INVALID_INPUT', mentions: 'options' },
      { why: 'an empty option', input: { name: 'Stage', type: 'singleSelect', options: [''] }, code: 'INVALID_INPUT', mentions: 'options' },
      { why: 'a name taken in another case', input: { name: 'RATING', type: 'text' }, code: 'CONFLICT' },
    ],
  },
  'metadata.deleteField': { valid: { fieldId: w.fieldId }, required: ['fieldId'], cases: [] },
  'metadata.fields': { valid: undefined, required: [], cases: [] },
  'metadata.set': {
    valid: { fileId: w.logoId, values: { [w.fieldId]: 4 } },
    required: ['fileId', 'values'],
    cases: [
      { why: 'a field that does not exist', input: { fileId: w.logoId, values: { [w.fieldId]: 4, [UNKNOWN]: 1 } }, code: 'NOT_FOUND', mentions: UNKNOWN },
      { why: 'a field key that is not an id', input: { fileId: w.logoId, values: { 'not an id!': 1 } }, code: 'INVALID_INPUT', mentions: 'values' },
      { why: 'text for a number field', input: { fileId: w.logoId, values: { [w.fieldId]: 'five' } }, code: 'INVALID_INPUT', mentions: 'Rating' },
      { why: 'NaN for a number field', input: { fileId: w.logoId, values: { [w.fieldId]: Number.NaN } }, code: 'INVALID_INPUT', mentions: 'values' },
      { why: 'Infinity for a number field', input: { fileId: w.logoId, values: { [w.fieldId]: Number.POSITIVE_INFINITY } }, code: 'INVALID_INPUT', mentions: 'values' },
      { why: 'an object as a value', input: { fileId: w.logoId, values: { [w.fieldId]: { n: 4 } } }, code: 'INVALID_INPUT', mentions: 'values' },
    ],
  },
  'focus.set': {
    valid: { fileId: w.logoId, rect: { x: 0, y: 0, width: 0.5, height: 0.5 } },
    required: ['fileId', 'rect'],
    cases: [
      { why: 'a negative x', input: { fileId: w.logoId, rect: { x: -0.1, y: 0, width: 0.5, height: 0.5 } }, code: 'INVALID_INPUT', mentions: 'rect' },
      { why: 'a zero width', input: { fileId: w.logoId, rect: { x: 0, y: 0, width: 0, height: 0.5 } }, code: 'INVALID_INPUT', mentions: 'rect' },
      { why: 'an area past the edge', input: { fileId: w.logoId, rect: { x: 0.6, y: 0, width: 0.5, height: 0.5 } }, code: 'INVALID_INPUT', mentions: 'rect' },
      { why: 'an extra field in the area', input: { fileId: w.logoId, rect: { x: 0, y: 0, width: 0.5, height: 0.5, z: 1 } }, code: 'INVALID_INPUT', mentions: 'rect' },
      { why: 'a file that is not an image', input: { fileId: w.notesId, rect: { x: 0, y: 0, width: 0.5, height: 0.5 } }, code: 'INVALID_INPUT', mentions: w.notesId },
    ],
  },
  'comments.list': { valid: { fileId: w.logoId }, required: ['fileId'], cases: [] },
  'comments.add': { valid: { fileId: w.logoId, text: 'Nice' }, required: ['fileId', 'text'], cases: textCases('fileId', w.logoId) },
  'comments.edit': { valid: { commentId: w.commentId, text: 'Nicer' }, required: ['commentId', 'text'], cases: textCases('commentId', w.commentId) },
  'comments.delete': { valid: { commentId: w.commentId }, required: ['commentId'], cases: [] },

  'search.assets': {
    valid: { query: 'logo', folderId: w.marketingId, tags: ['blue'], type: 'image', limit: 10 },
    required: ['query'],
    cases: [
      { why: 'a limit of 0', input: { query: 'logo', limit: 0 }, code: 'INVALID_INPUT', mentions: 'limit' },
      { why: 'a limit of 1001', input: { query: 'logo', limit: 1001 }, code: 'INVALID_INPUT', mentions: 'limit' },
      { why: 'an unknown type', input: { query: 'logo', type: 'movie' }, code: 'INVALID_INPUT', mentions: 'type' },
      { why: 'a negative offset', input: { query: 'logo', offset: -1 }, code: 'INVALID_INPUT', mentions: 'offset' },
      { why: 'a date modified that is not a day', input: { query: 'logo', modifiedFrom: '2024-13-01' }, code: 'INVALID_INPUT', mentions: 'modifiedFrom' },
      { why: 'an empty metadata value', input: { query: 'logo', metadata: [{ fieldId: 'f1', value: '' }] }, code: 'INVALID_INPUT', mentions: 'value' },
      { why: 'a 256 character query', input: { query: 'q'.repeat(256) }, code: 'INVALID_INPUT', mentions: 'query' },
      { why: 'a file as the folder', input: { query: 'logo', folderId: w.logoId }, code: 'INVALID_INPUT', mentions: w.logoId },
    ],
  },
  'search.cameras': {
    valid: { folderId: w.marketingId },
    required: [],
    cases: [{ why: 'a file as the folder', input: { folderId: w.logoId }, code: 'INVALID_INPUT', mentions: w.logoId }],
  },

  'collections.list': { valid: undefined, required: [], cases: [] },
  'collections.search': {
    valid: { query: 'la' },
    required: ['query'],
    cases: [{ why: 'a 256 character query', input: { query: 'q'.repeat(256) }, code: 'INVALID_INPUT', mentions: 'query' }],
  },
  'collections.get': { valid: { collectionId: w.collectionId }, required: ['collectionId'], cases: [] },
  'collections.create': {
    valid: { name: 'Spring' },
    required: ['name'],
    named: (name) => ({ name }),
    cases: [{ why: 'a name taken in another case', input: { name: 'LAUNCH' }, code: 'CONFLICT' }],
  },
  'collections.rename': {
    valid: { collectionId: w.collectionId, name: 'Launch 2' },
    required: ['collectionId', 'name'],
    named: (name) => ({ collectionId: w.collectionId, name }),
    cases: [],
  },
  'collections.delete': { valid: { collectionId: w.collectionId }, required: ['collectionId'], cases: [] },
  'collections.assets': { valid: { collectionId: w.collectionId }, required: ['collectionId'], cases: [] },
  'collections.addAssets': {
    valid: { collectionIds: [w.collectionId], assetIds: [w.notesId] },
    required: ['collectionIds', 'assetIds'],
    cases: [
      { why: 'no collections', input: { collectionIds: [], assetIds: [w.notesId] }, code: 'INVALID_INPUT', mentions: 'collectionIds' },
      { why: 'no assets', input: { collectionIds: [w.collectionId], assetIds: [] }, code: 'INVALID_INPUT', mentions: 'assetIds' },
      { why: 'a collection twice', input: { collectionIds: [w.collectionId, w.collectionId], assetIds: [w.notesId] }, code: 'INVALID_INPUT', mentions: 'collectionIds' },
      { why: 'an asset twice', input: { collectionIds: [w.collectionId], assetIds: [w.notesId, w.notesId] }, code: 'INVALID_INPUT', mentions: 'assetIds' },
      { why: 'Home', input: { collectionIds: [w.collectionId], assetIds: [w.notesId, w.homeId] }, code: 'FORBIDDEN' },
    ],
  },
  'collections.removeAssets': {
    valid: { collectionId: w.collectionId, assetIds: [w.logoId] },
    required: ['collectionId', 'assetIds'],
    cases: [
      { why: 'no assets', input: { collectionId: w.collectionId, assetIds: [] }, code: 'INVALID_INPUT', mentions: 'assetIds' },
      { why: 'an asset twice', input: { collectionId: w.collectionId, assetIds: [w.logoId, w.logoId] }, code: 'INVALID_INPUT', mentions: 'assetIds' },
      { why: 'an asset the collection does not hold', input: { collectionId: w.collectionId, assetIds: [w.logoId, w.notesId] }, code: 'NOT_FOUND', mentions: w.notesId },
    ],
  },
  'collections.removeAssetFromCollections': {
    valid: { assetId: w.logoId, collectionIds: [w.collectionId] },
    required: ['assetId', 'collectionIds'],
    cases: [
      { why: 'no collections', input: { assetId: w.logoId, collectionIds: [] }, code: 'INVALID_INPUT', mentions: 'collectionIds' },
      { why: 'a collection twice', input: { assetId: w.logoId, collectionIds: [w.collectionId, w.collectionId] }, code: 'INVALID_INPUT', mentions: 'collectionIds' },
      { why: 'an asset the collection does not hold', input: { assetId: w.notesId, collectionIds: [w.collectionId] }, code: 'NOT_FOUND', mentions: w.notesId },
    ],
  },
  'collections.associations': { valid: { assetId: w.logoId }, required: ['assetId'], cases: [] },

  'sharing.list': { valid: { resourceId: w.marketingId }, required: ['resourceId'], cases: [] },
  'sharing.set': {
    valid: { resourceId: w.brandId, subjectId: w.rob.id, level: 'view' },
    required: ['resourceId', 'subjectId', 'level'],
    cases: [
      { why: 'an unknown level', input: { resourceId: w.brandId, subjectId: w.rob.id, level: 'owner' }, code: 'INVALID_INPUT', mentions: 'level' },
      { why: 'a user who is not restricted', input: { resourceId: w.brandId, subjectId: w.fran.id, level: 'view' }, code: 'INVALID_INPUT', mentions: w.fran.id },
      { why: 'Home', input: { resourceId: w.homeId, subjectId: w.rob.id, level: 'view' }, code: 'FORBIDDEN' },
      { why: 'less than is inherited', input: { resourceId: w.brandId, subjectId: w.rita.id, level: 'view' }, code: 'CANNOT_LOWER', mentions: 'contribute' },
    ],
  },
  'sharing.remove': {
    valid: { resourceId: w.marketingId, subjectId: w.rita.id },
    required: ['resourceId', 'subjectId'],
    cases: [{ why: 'a subject it is not shared with', input: { resourceId: w.marketingId, subjectId: w.rob.id }, code: 'NOT_FOUND', mentions: w.rob.id }],
  },
})
