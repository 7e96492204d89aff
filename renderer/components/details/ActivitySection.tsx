import { useEffect } from 'react'
import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { ActivityList } from '../activity/ActivityList.js'
import { Section } from './Section.js'
import '../activity/activity.css'

/** What happened to this asset, and for a folder to everything below it (docs/activity.md). */
export function ActivitySection({ asset }: { asset: AssetView }) {
  const folder = asset.kind === 'folder'
  const feed = useTrove((s) => (s.feeds.details?.query.resourceId === asset.id ? s.feeds.details : undefined))
  useEffect(() => {
    void useTrove.getState().loadFeed('details', folder ? { resourceId: asset.id, within: true } : { resourceId: asset.id })
    return () => useTrove.getState().closeFeed('details')
    // Started over when another item is shown; new entries come on top as changes arrive (live.ts).
  }, [asset.id, folder])
  return (
    <Section title="Activity">
      <ActivityList
        feed={feed}
        label={folder ? `Activity in ${asset.name}` : `Activity of ${asset.name}`}
        empty={folder ? 'Nothing has happened here yet that you can see.' : 'Nothing has happened to it yet that you can see.'}
        onMore={() => void useTrove.getState().loadMoreFeed('details')}
      />
    </Section>
  )
}
