import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { ActivitySection } from './ActivitySection.js'
import { CollectionsSection } from './CollectionsSection.js'
import { CommentsSection } from './CommentsSection.js'
import { EmbeddedSection } from './EmbeddedSection.js'
import { MetadataSection } from './MetadataSection.js'
import { Preview } from './Preview.js'
import { PropertiesSection } from './PropertiesSection.js'
import { TagsSection } from './TagsSection.js'
import { VersionsSection } from './VersionsSection.js'
import { SharedWithSection } from './SharedWithSection.js'
import { isHome } from '../../../shared/home.js'

/** Images that can carry EXIF, IPTC or XMP (an SVG is text). */
const isPhoto = (mime: string | undefined) => !!mime?.startsWith('image/') && mime !== 'image/svg+xml'

/** One asset: what it is, its history, its tags and metadata, what people said, where it is collected. */
export function AssetDetails({ asset }: { asset: AssetView }) {
  const details = useTrove((s) => (s.details?.id === asset.id ? s.details : null))
  const file = asset.kind === 'file'
  return (
    <div className="details-scroll">
      <Preview asset={asset} />
      <h2 className="details-name" title={asset.name}>
        {isHome(asset) ? 'Home' : asset.name}
      </h2>
      <PropertiesSection asset={asset} />
      {file && <VersionsSection asset={asset} versions={details?.versions ?? null} />}
      {file && <TagsSection asset={asset} />}
      {file && <MetadataSection asset={asset} />}
      {file && (asset.embedded || isPhoto(asset.mime)) && <EmbeddedSection embedded={asset.embedded ?? {}} fileId={asset.id} />}
      {file && <CommentsSection asset={asset} comments={details?.comments ?? null} />}
      {asset.shared !== undefined && <SharedWithSection asset={asset} />}
      <CollectionsSection asset={asset} associations={details?.associations ?? null} />
      <ActivitySection asset={asset} />
    </div>
  )
}
