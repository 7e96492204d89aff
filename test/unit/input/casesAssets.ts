import path from 'node:path'
import type { assetChannels } from '../../../shared/contract/assets.js'
import type { fileChannels } from '../../../shared/contract/files.js'
import type { folderChannels } from '../../../shared/contract/folders.js'
import { pngBase64 } from '../../support/tempLibrary.js'
import type { BadCase, CaseBuilder } from './cases.js'

type AssetChannel = keyof typeof assetChannels | keyof typeof folderChannels | keyof typeof fileChannels

const png = pngBase64(2, 2)

/** Version numbers are positive integers; one the file does not have is NOT_FOUND. */
function versionCases(fileId: string, current: number): BadCase[] {
  return [
    ...[0, -1, 1.5, '1', Number.NaN].map((version): BadCase => ({ why: `version ${String(version)}`, input: { fileId, version }, code: 'INVALID_INPUT', mentions: 'version' })),
    { why: 'a version the file does not have', input: { fileId, version: 99 }, code: 'NOT_FOUND', mentions: '99' },
    { why: 'the current version', input: { fileId, version: current }, code: 'CONFLICT' },
  ]
}

/** File and folder channels. */
export const assetCases: CaseBuilder<AssetChannel> = (w) => {
  const dest = path.join(w.outDir, 'copy-of-logo.png')
  const batch = (key: 'ids', target: Record<string, unknown>): BadCase[] => [
    { why: `no ${key}`, input: { ...target, [key]: [] }, code: 'INVALID_INPUT', mentions: key },
    { why: `the same id twice in ${key}`, input: { ...target, [key]: [w.notesId, w.notesId] }, code: 'INVALID_INPUT', mentions: key },
  ]
  return {
    'assets.roots': { valid: undefined, required: [], cases: [] },
    'assets.list': {
      valid: { folderId: w.marketingId },
      required: ['folderId'],
      cases: [{ why: 'a file as the folder', input: { folderId: w.logoId }, code: 'INVALID_INPUT', mentions: w.logoId }],
    },
    'assets.previews': {
      valid: { folderIds: [w.marketingId, w.brandId] },
      required: ['folderIds'],
      cases: [
        { why: 'a file as a folder', input: { folderIds: [w.logoId] }, code: 'INVALID_INPUT', mentions: w.logoId },
        { why: 'a folder twice', input: { folderIds: [w.brandId, w.brandId] }, code: 'INVALID_INPUT', mentions: 'folderIds' },
        { why: 'no folders', input: { folderIds: [] }, code: 'INVALID_INPUT', mentions: 'folderIds' },
      ],
    },
    'assets.get': { valid: { id: w.logoId }, required: ['id'], cases: [] },
    'assets.breadcrumbs': { valid: { id: w.logoId }, required: ['id'], cases: [] },
    'assets.rename': {
      valid: { id: w.notesId, name: 'notes-2.txt' },
      required: ['id', 'name'],
      named: (name) => ({ id: w.notesId, name }),
      cases: [{ why: 'Home', input: { id: w.homeId, name: 'Start' }, code: 'FORBIDDEN' }],
    },
    'assets.move': {
      valid: { ids: [w.notesId], targetFolderId: w.brandId },
      required: ['ids', 'targetFolderId'],
      cases: [
        ...batch('ids', { targetFolderId: w.brandId }),
        { why: 'a file as the target', input: { ids: [w.notesId], targetFolderId: w.logoId }, code: 'INVALID_INPUT', mentions: w.logoId },
        { why: 'a folder into its own child', input: { ids: [w.marketingId], targetFolderId: w.brandId }, code: 'INVALID_INPUT', mentions: w.marketingId },
      ],
    },
    'assets.copy': {
      valid: { ids: [w.notesId], targetFolderId: w.brandId },
      required: ['ids', 'targetFolderId'],
      cases: [
        ...batch('ids', { targetFolderId: w.brandId }),
        { why: 'a file as the target', input: { ids: [w.notesId], targetFolderId: w.logoId }, code: 'INVALID_INPUT', mentions: w.logoId },
        { why: 'a folder into itself', input: { ids: [w.marketingId], targetFolderId: w.marketingId }, code: 'INVALID_INPUT', mentions: w.marketingId },
      ],
    },
    'assets.delete': {
      valid: { ids: [w.notesId] },
      required: ['ids'],
      cases: [...batch('ids', {}), { why: 'Home among others', input: { ids: [w.notesId, w.homeId] }, code: 'FORBIDDEN' }],
    },

    'folders.create': {
      valid: { parentId: w.marketingId, name: 'Social' },
      required: ['parentId', 'name'],
      named: (name) => ({ parentId: w.marketingId, name }),
      cases: [{ why: 'a file as the parent', input: { parentId: w.logoId, name: 'Social' }, code: 'INVALID_INPUT', mentions: w.logoId }],
    },
    'files.upload': {
      valid: { folderId: w.marketingId, name: 'new.png', base64: png },
      required: ['folderId', 'name', 'base64'],
      named: (name) => ({ folderId: w.marketingId, name, base64: png }),
      cases: [
        { why: 'both a path and base64', input: { folderId: w.marketingId, name: 'new.png', base64: png, sourcePath: w.importSource }, code: 'INVALID_INPUT', mentions: 'sourcePath' },
        { why: 'base64 with other characters', input: { folderId: w.marketingId, name: 'new.png', base64: '*not base64*' }, code: 'INVALID_INPUT', mentions: 'base64' },
        { why: 'an empty path', input: { folderId: w.marketingId, name: 'new.png', sourcePath: '' }, code: 'INVALID_INPUT', mentions: 'sourcePath' },
        { why: 'a path with NUL', input: { folderId: w.marketingId, name: 'new.png', sourcePath: `${w.importSource}\u0000.txt` }, code: 'INVALID_INPUT', mentions: 'sourcePath' },
        { why: 'a path to nothing', input: { folderId: w.marketingId, name: 'new.png', sourcePath: path.join(w.outDir, 'missing.png') }, code: 'INVALID_INPUT', mentions: 'missing.png' },
        { why: 'a path to a folder', input: { folderId: w.marketingId, name: 'new.png', sourcePath: w.outDir }, code: 'INVALID_INPUT' },
        { why: 'a file as the folder', input: { folderId: w.logoId, name: 'new.png', base64: png }, code: 'INVALID_INPUT', mentions: w.logoId },
      ],
    },
    'files.uploadVersion': {
      valid: { fileId: w.logoId, base64: png },
      required: ['fileId', 'base64'],
      cases: [
        { why: 'both a path and base64', input: { fileId: w.logoId, base64: png, sourcePath: w.importSource }, code: 'INVALID_INPUT', mentions: 'sourcePath' },
        { why: 'a folder as the file', input: { fileId: w.marketingId, base64: png }, code: 'INVALID_INPUT', mentions: w.marketingId },
      ],
    },
    'files.versions': {
      valid: { fileId: w.logoId },
      required: ['fileId'],
      cases: [{ why: 'a folder as the file', input: { fileId: w.marketingId }, code: 'INVALID_INPUT', mentions: w.marketingId }],
    },
    'files.restoreVersion': { valid: { fileId: w.logoId, version: 1 }, required: ['fileId', 'version'], cases: versionCases(w.logoId, 2) },
    'files.deleteVersion': { valid: { fileId: w.logoId, version: 1 }, required: ['fileId', 'version'], cases: versionCases(w.logoId, 2) },
    'files.read': {
      valid: { fileId: w.logoId, version: 1 },
      required: ['fileId'],
      cases: versionCases(w.logoId, 2).filter((c) => c.code !== 'CONFLICT'),
    },
    'files.embeddedFields': {
      valid: { fileId: w.logoId, version: 1 },
      required: ['fileId'],
      cases: versionCases(w.logoId, 2).filter((c) => c.code !== 'CONFLICT'),
    },
    'files.download': {
      valid: { fileId: w.logoId, version: 1, destPath: dest },
      required: ['fileId', 'destPath'],
      cases: [
        { why: 'an empty destination', input: { fileId: w.logoId, destPath: '' }, code: 'INVALID_INPUT', mentions: 'destPath' },
        { why: 'a destination with NUL', input: { fileId: w.logoId, destPath: `${dest}\u0000` }, code: 'INVALID_INPUT', mentions: 'destPath' },
        { why: 'a destination in a missing folder', input: { fileId: w.logoId, destPath: path.join(w.outDir, 'missing', 'x.png') }, code: 'INVALID_INPUT' },
        { why: 'a version the file does not have', input: { fileId: w.logoId, version: 99, destPath: dest }, code: 'NOT_FOUND' },
      ],
    },
  }
}
