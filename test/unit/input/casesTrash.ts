import type { trashChannels } from '../../../shared/contract/trash.js'
import type { CaseBuilder } from './cases.js'

/** The trash: restore, purge, empty and its retention setting. */
export const trashCases: CaseBuilder<keyof typeof trashChannels> = (w) => ({
  'trash.list': { valid: undefined, required: [], cases: [] },
  'trash.restore': {
    valid: { ids: [w.trashedId] },
    required: ['ids'],
    cases: [
      { why: 'an item twice', input: { ids: [w.trashedId, w.trashedId] }, code: 'INVALID_INPUT', mentions: 'ids' },
      { why: 'a live file', input: { ids: [w.notesId] }, code: 'NOT_FOUND', mentions: w.notesId },
    ],
  },
  'trash.purge': {
    valid: { ids: [w.trashedId] },
    required: ['ids'],
    cases: [
      { why: 'an item twice', input: { ids: [w.trashedId, w.trashedId] }, code: 'INVALID_INPUT', mentions: 'ids' },
      { why: 'a live file', input: { ids: [w.notesId] }, code: 'NOT_FOUND', mentions: w.notesId },
    ],
  },
  'trash.empty': { valid: undefined, required: [], cases: [] },
  'trash.settings': { valid: undefined, required: [], cases: [] },
  'trash.setSettings': {
    valid: { retentionDays: 7 },
    required: ['retentionDays'],
    cases: [
      { why: 'zero days', input: { retentionDays: 0 }, code: 'INVALID_INPUT', mentions: 'retentionDays' },
      { why: 'half a day', input: { retentionDays: 0.5 }, code: 'INVALID_INPUT', mentions: 'retentionDays' },
      { why: 'over ten years', input: { retentionDays: 3651 }, code: 'INVALID_INPUT', mentions: 'retentionDays' },
    ],
  },
})
