import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { InfoIcon } from './InfoIcon.js'
import { AssetDetails } from './AssetDetails.js'
import { MultiDetails } from './MultiDetails.js'

/** The right-hand panel: the details of what is selected in the centre. */
export function DetailsPanel() {
  const selected = useTrove(useShallow((s) => s.selection.slice(0, 2).map((id) => s.byId[id]).filter((a): a is AssetView => !!a)))
  const count = useTrove((s) => s.selection.length)
  const single = count === 1 ? selected[0] : undefined
  const singleId = single?.id ?? null

  useEffect(() => {
    void useTrove.getState().loadDetails(singleId)
  }, [singleId])
  // Field definitions are needed to show and edit custom metadata; a switch of user clears them
  // with the rest of the previous user's state, so they are asked for again for whoever acts now.
  const actorId = useTrove((s) => s.session?.user.id)
  useEffect(() => {
    if (actorId) void useTrove.getState().loadFields()
  }, [actorId])

  return (
    <aside className="details" aria-label="Details">
      {count === 0 && (
        <div className="details-empty">
          <InfoIcon size={28} />
          <p>Select a file or folder to see its details here.</p>
          <p className="details-hint">Shift-click or Ctrl-click selects several; right-click shows what you can do.</p>
        </div>
      )}
      {single && <AssetDetails key={single.id} asset={single} />}
      {count > 1 && <MultiDetails />}
    </aside>
  )
}
