import { useEffect, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Id } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'

/**
 * The assets a dialog acts on, as main last described them (their level included). Ids the
 * store has not seen are asked for once; those main no longer shows this user are `missing`.
 */
export function useAssetViews(ids: Id[]): { assets: AssetView[]; missing: Id[]; loading: boolean } {
  const known = useTrove(useShallow((s) => ids.map((id) => s.byId[id])))
  const [missing, setMissing] = useState<Id[]>([])
  const unknown = ids.filter((id, i) => !known[i] && !missing.includes(id))
  const key = unknown.join(',')

  useEffect(() => {
    if (key === '') return
    let live = true
    void Promise.all(
      key.split(',').map((id) =>
        useTrove.getState().fetchAsset(id).then(
          (view) => ({ id, view }),
          () => ({ id, view: null }),
        ),
      ),
    ).then((answers) => {
      if (!live) return
      useTrove.getState().remember(answers.flatMap((a) => (a.view ? [a.view] : [])))
      setMissing((m) => [...m, ...answers.filter((a) => !a.view).map((a) => a.id)])
    })
    return () => {
      live = false
    }
  }, [key])

  return { assets: known.filter((a): a is AssetView => !!a), missing, loading: key !== '' }
}

/** "logo.png", "logo.png and guide.pdf", "logo.png, guide.pdf and 3 more". */
export function namesOf(names: string[], shown = 2): string {
  const quoted = names.map((n) => `“${n}”`)
  if (quoted.length <= shown + 1) return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`
  return `${quoted.slice(0, shown).join(', ')} and ${quoted.length - shown} more`
}
