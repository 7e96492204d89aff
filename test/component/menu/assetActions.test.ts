import { describe, expect, it } from 'vitest'
import { offeredActions } from '../../../renderer/components/menu/assetActions.js'
import { file } from '../support/views.js'

const photo = file('p', 'photo.png', 'h', { level: 'manage', mime: 'image/png' })
const labels = (context: Parameters<typeof offeredActions>[1]) => offeredActions([photo], context).map((a) => a.label)

describe('what the menus offer', () => {
  it('words delete as from the library inside a collection, last and in a group of its own', () => {
    const actions = offeredActions([photo], { inCollection: true })
    expect(actions.at(-1)).toMatchObject({ id: 'delete', label: 'Delete from library…', danger: true })
    expect(actions.at(-2)!.group).not.toBe(actions.at(-1)!.group)
    expect(labels({})).toContain('Delete…')
  })

  it('offers removal from collections only when told the item is directly in one the user manages', () => {
    expect(labels({})).not.toContain('Remove from media collections…')
    expect(labels({ removableCollections: false })).not.toContain('Remove from media collections…')
    expect(labels({ removableCollections: true })).toContain('Remove from media collections…')
  })

  it('offers no image edits for a RAW photo, whose picture is only its embedded preview, but still its focus area and look-alikes', () => {
    const raw = file('r', 'IMG_0001.CR2', 'h2', { level: 'manage', mime: 'image/x-canon-cr2' })
    const offered = offeredActions([raw], {}).map((a) => a.label)
    for (const edit of ['Edit image…', 'Remove background…', 'Add auto tags…']) {
      expect(offered).not.toContain(edit)
      expect(labels({})).toContain(edit)
    }
    expect(offered).toContain('Set focus area…')
    expect(offered).toContain('Similar images…')
  })
})
