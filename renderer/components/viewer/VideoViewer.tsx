import { useState } from 'react'
import type { AssetView } from '../../../shared/views.js'
import { fileUrl } from '../../store/platform.js'

/**
 * A video, played by the browser from the content route, which answers byte ranges: seeking
 * asks for the part it needs, and nothing is downloaded first. The poster frame (docs/media.md)
 * shows until it plays.
 */
export function VideoViewer({ asset }: { asset: AssetView }) {
  // By id: the next file in the viewer may reuse this player.
  const [brokenId, setBrokenId] = useState<string | null>(null)
  if (brokenId === asset.id) return <p className="viewer-note">This video cannot be played here; download it to play it in another program.</p>
  return (
    <video
      className="viewer-video"
      aria-label={asset.name}
      controls
      preload="metadata"
      poster={fileUrl('preview', asset.id, asset.currentVersion)}
      src={fileUrl('file', asset.id, asset.currentVersion)}
      onError={() => setBrokenId(asset.id)}
      // The arrow keys seek while the player has focus; elsewhere they go to the next file.
      onKeyDown={(e) => e.stopPropagation()}
    />
  )
}
