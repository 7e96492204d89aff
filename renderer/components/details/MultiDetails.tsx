import { useShallow } from 'zustand/react/shallow'
import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { formatBytes } from '../labels.js'
import { offeredActions } from '../menu/assetActions.js'
import { ActionIcon } from '../menu/ActionIcon.js'
import { useRunAssetAction } from '../menu/useRunAssetAction.js'
import { can } from './can.js'
import { Section } from './Section.js'
import { TagEditor } from './TagsSection.js'

/** Several items: how many and how big, the tags they share (editable together), and what can be done with all of them. */
export function MultiDetails() {
  const assets = useTrove(useShallow((s) => s.selection.map((id) => s.byId[id]).filter((a): a is AssetView => !!a)))
  const run = useRunAssetAction()
  const files = assets.filter((a) => a.kind === 'file')
  const folders = assets.length - files.length
  const bytes = files.reduce((n, f) => n + (f.size ?? 0), 0)
  const shared = files.length === 0 ? [] : (files[0].tags ?? []).filter((t) => files.every((f) => f.tags?.includes(t)))
  const actions = offeredActions(assets).filter((a) => ['downloadZip', 'move', 'copy', 'addToCollections', 'delete'].includes(a.id))
  return (
    <div className="details-scroll">
      <h2 className="details-name">{assets.length} items selected</h2>
      <p className="details-muted">
        {[files.length > 0 && `${files.length} ${files.length === 1 ? 'file' : 'files'} (${formatBytes(bytes)})`, folders > 0 && `${folders} ${folders === 1 ? 'folder' : 'folders'}`].filter(Boolean).join(', ')}
      </p>
      {actions.length > 0 && (
        <div className="details-actions">
          {actions.map((a) => (
            <button key={a.id} type="button" className={`button button-small${a.danger ? ' button-quiet-danger' : ''}`} onClick={() => run(a.id, assets)}>
              <ActionIcon id={a.id} />
              {a.label}
            </button>
          ))}
        </div>
      )}
      {files.length > 0 && (
        <Section title="Tags in common">
          <TagEditor ids={files.map((f) => f.id)} tags={shared} editable={files.every((f) => can(f, 'editTags'))} removable={files.every((f) => can(f, 'removeTags'))} />
        </Section>
      )}
    </div>
  )
}
