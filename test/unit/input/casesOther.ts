import path from 'node:path'
import type { dialogChannels } from '../../../shared/contract/dialogs.js'
import type { duplicateChannels } from '../../../shared/contract/duplicates.js'
import type { importChannels } from '../../../shared/contract/imports.js'
import type { jobChannels } from '../../../shared/contract/jobs.js'
import type { imageChannels } from '../../../shared/contract/images.js'
import type { extensionChannels } from '../../../shared/contract/extensions.js'
import type { activityChannels } from '../../../shared/contract/activity.js'
import type { downloadChannels } from '../../../shared/contract/downloads.js'
import type { BadCase, CaseBuilder } from './cases.js'
import { UNKNOWN } from './cases.js'

type OtherChannel =
  | keyof typeof downloadChannels | keyof typeof activityChannels | keyof typeof dialogChannels
  | keyof typeof imageChannels | keyof typeof extensionChannels | keyof typeof jobChannels | keyof typeof importChannels | keyof typeof duplicateChannels

function sourceCases(targetFolderId: string, fileId: string): BadCase[] {
  return [
    { why: 'no sources', input: { sources: [], targetFolderId }, code: 'INVALID_INPUT', mentions: 'sources' },
    { why: 'an empty source', input: { sources: [''], targetFolderId }, code: 'INVALID_INPUT', mentions: 'sources' },
    { why: 'a source with NUL', input: { sources: ['/tmp/a\u0000b'], targetFolderId }, code: 'INVALID_INPUT', mentions: 'sources' },
    { why: '1001 sources', input: { sources: Array.from({ length: 1001 }, (_, i) => `/tmp/${i}`), targetFolderId }, code: 'INVALID_INPUT', mentions: 'sources' },
    { why: 'a file as the target', input: { sources: ['/tmp/x'], targetFolderId: fileId }, code: 'INVALID_INPUT', mentions: fileId },
  ]
}

/** Downloads, activity, dialogs, image edits, extensions, jobs and imports. */
export const otherCases: CaseBuilder<OtherChannel> = (w) => {
  const zipDest = path.join(w.outDir, 'again.zip')
  const edit = (extra: Record<string, unknown>) => ({ fileId: w.logoId, ops: [{ op: 'rotate', degrees: 90 }], ...extra })
  return {
    'downloads.zip': {
      valid: { assetIds: [w.logoId], destPath: zipDest },
      required: ['assetIds', 'destPath'],
      cases: [
        { why: 'both assets and a collection', input: { assetIds: [w.logoId], collectionId: w.collectionId, destPath: zipDest }, code: 'INVALID_INPUT', mentions: 'collectionId' },
        { why: 'no assets', input: { assetIds: [], destPath: zipDest }, code: 'INVALID_INPUT', mentions: 'assetIds' },
        { why: 'an asset twice', input: { assetIds: [w.logoId, w.logoId], destPath: zipDest }, code: 'INVALID_INPUT', mentions: 'assetIds' },
        { why: 'an unknown collection', input: { collectionId: 'no-such-collection', destPath: zipDest }, code: 'NOT_FOUND', mentions: 'no-such-collection' },
        { why: 'an empty destination', input: { assetIds: [w.logoId], destPath: '' }, code: 'INVALID_INPUT', mentions: 'destPath' },
      ],
    },
    'downloads.list': { valid: undefined, required: [], cases: [] },
    'downloads.plan': {
      valid: { assetIds: [w.logoId] },
      required: ['assetIds'],
      cases: [
        { why: 'both assets and a collection', input: { assetIds: [w.logoId], collectionId: w.collectionId }, code: 'INVALID_INPUT', mentions: 'collectionId' },
        { why: 'no assets', input: { assetIds: [] }, code: 'INVALID_INPUT', mentions: 'assetIds' },
        { why: 'an asset twice', input: { assetIds: [w.logoId, w.logoId] }, code: 'INVALID_INPUT', mentions: 'assetIds' },
        { why: 'an unknown collection', input: { collectionId: 'no-such-collection' }, code: 'NOT_FOUND', mentions: 'no-such-collection' },
      ],
    },
    'downloads.remove': { valid: { downloadId: w.downloadId, deleteFile: true }, required: ['downloadId'], cases: [] },
    'activity.list': {
      valid: { resourceId: w.logoId, limit: 10, before: w.activityId },
      required: [],
      cases: [
        { why: 'a limit of 0', input: { limit: 0 }, code: 'INVALID_INPUT', mentions: 'limit' },
        { why: 'a limit of 501', input: { limit: 501 }, code: 'INVALID_INPUT', mentions: 'limit' },
        { why: 'a fractional limit', input: { limit: 2.5 }, code: 'INVALID_INPUT', mentions: 'limit' },
        { why: 'a resource that never existed', input: { resourceId: UNKNOWN }, code: 'NOT_FOUND', mentions: UNKNOWN },
      ],
    },
    'dialogs.openFiles': { valid: { multiple: true }, required: [], cases: [] },
    'dialogs.openFolder': { valid: {}, required: [], cases: [] },
    'dialogs.saveFile': {
      valid: { defaultName: 'logo.zip' },
      required: ['defaultName'],
      cases: [
        { why: 'an empty name', input: { defaultName: '' }, code: 'INVALID_INPUT', mentions: 'defaultName' },
        { why: 'a 10,000 character name', input: { defaultName: 'n'.repeat(10_000) }, code: 'INVALID_INPUT', mentions: 'defaultName' },
      ],
    },
    'dialogs.showDownload': {
      valid: { downloadId: w.downloadId },
      required: ['downloadId'],
      cases: [{ why: 'a download that never existed', input: { downloadId: UNKNOWN }, code: 'NOT_FOUND', mentions: UNKNOWN }],
    },
    'images.edit': {
      valid: edit({ format: 'png', saveAs: { newName: 'logo-turned.png' } }),
      required: ['fileId', 'ops'],
      named: (name) => edit({ saveAs: { newName: name } }),
      cases: [
        { why: 'no edit and no format', input: { fileId: w.logoId, ops: [] }, code: 'INVALID_INPUT' },
        { why: 'an unknown edit', input: { fileId: w.logoId, ops: [{ op: 'blur' }] }, code: 'INVALID_INPUT', mentions: 'ops' },
        { why: 'a 45 degree rotation', input: { fileId: w.logoId, ops: [{ op: 'rotate', degrees: 45 }] }, code: 'INVALID_INPUT', mentions: 'ops' },
        { why: 'a crop past the edge', input: { fileId: w.logoId, ops: [{ op: 'crop', x: 0.5, y: 0, width: 0.6, height: 1 }] }, code: 'INVALID_INPUT', mentions: 'ops' },
        { why: 'a resize to nothing', input: { fileId: w.logoId, ops: [{ op: 'resize' }] }, code: 'INVALID_INPUT', mentions: 'ops' },
        { why: 'a resize to 0 pixels', input: { fileId: w.logoId, ops: [{ op: 'resize', width: 0 }] }, code: 'INVALID_INPUT', mentions: 'ops' },
        { why: '51 edits', input: { fileId: w.logoId, ops: Array.from({ length: 51 }, () => ({ op: 'flip', axis: 'vertical' })) }, code: 'INVALID_INPUT', mentions: 'ops' },
        { why: 'an unknown format', input: edit({ format: 'bmp' }), code: 'INVALID_INPUT', mentions: 'format' },
        { why: 'an unknown way to save', input: edit({ saveAs: 'overwrite' }), code: 'INVALID_INPUT', mentions: 'saveAs' },
        { why: 'a file that is not an image', input: { fileId: w.notesId, ops: [{ op: 'rotate', degrees: 90 }] }, code: 'INVALID_INPUT', mentions: w.notesId },
        { why: 'a new name already taken', input: edit({ saveAs: { newName: 'NOTES.txt' } }), code: 'CONFLICT' },
      ],
    },
    'extensions.list': { valid: { fileId: w.logoId }, required: ['fileId'], cases: [] },
    'extensions.removeBackground': {
      valid: { fileId: w.logoId, saveAs: { newName: 'logo-cut.png' } },
      required: ['fileId'],
      named: (name) => ({ fileId: w.logoId, saveAs: { newName: name } }),
      cases: [
        { why: 'an unknown way to save', input: { fileId: w.logoId, saveAs: 'overwrite' }, code: 'INVALID_INPUT', mentions: 'saveAs' },
        { why: 'a file that is not an image', input: { fileId: w.notesId }, code: 'INVALID_INPUT', mentions: w.notesId },
        { why: 'a new name already taken', input: { fileId: w.logoId, saveAs: { newName: 'Notes.TXT' } }, code: 'CONFLICT' },
      ],
    },
    'extensions.autoTags': {
      valid: { fileId: w.logoId },
      required: ['fileId'],
      cases: [{ why: 'a file that is not an image', input: { fileId: w.notesId }, code: 'INVALID_INPUT', mentions: w.notesId }],
    },
    'duplicates.find': {
      valid: { folderId: w.brandId },
      required: [],
      cases: [{ why: 'a file as the folder', input: { folderId: w.notesId }, code: 'INVALID_INPUT', mentions: w.notesId }],
    },
    'duplicates.similar': {
      valid: { fileId: w.logoId },
      required: ['fileId'],
      cases: [
        { why: 'a file with no picture', input: { fileId: w.notesId }, code: 'INVALID_INPUT', mentions: w.notesId },
        { why: 'a folder', input: { fileId: w.brandId }, code: 'INVALID_INPUT', mentions: w.brandId },
        { why: 'a limit of 0', input: { fileId: w.logoId, limit: 0 }, code: 'INVALID_INPUT', mentions: 'limit' },
      ],
    },
    'jobs.list': { valid: undefined, required: [], cases: [] },
    'jobs.cancel': { valid: { jobId: w.jobId }, required: ['jobId'], cases: [] },
    'imports.plan': {
      valid: { sources: [w.importSource], targetFolderId: w.brandId },
      required: ['sources', 'targetFolderId'],
      cases: sourceCases(w.brandId, w.logoId),
    },
    'imports.start': {
      valid: { sources: [w.importSource], targetFolderId: w.brandId, onConflict: 'keepBoth' },
      required: ['sources', 'targetFolderId'],
      cases: [
        ...sourceCases(w.brandId, w.logoId),
        { why: 'an unknown conflict policy', input: { sources: [w.importSource], targetFolderId: w.brandId, onConflict: 'overwrite' }, code: 'INVALID_INPUT', mentions: 'onConflict' },
      ],
    },
  }
}
