import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { LEVEL_LABELS, dimensions, formatDuration, formatBytes, formatDateTime, itemCount, typeLabel } from '../labels.js'
import { Section } from './Section.js'

/** What the asset is: where, how big, what type, whose, and when. */
export function PropertiesSection({ asset }: { asset: AssetView }) {
  const owner = useTrove((s) => s.users.find((u) => u.id === asset.createdBy)?.name ?? 'Unknown user')
  const restricted = useTrove((s) => !!s.session?.isRestricted)
  const file = asset.kind === 'file'
  const rows: Array<[string, string | null]> = [
    ['Path', asset.path],
    ['Type', file ? `${typeLabel(asset.name, asset.mime)}${asset.mime ? ` (${asset.mime})` : ''}` : 'Folder'],
    [file ? 'Size' : 'Contains', file ? formatBytes(asset.size ?? 0) : itemCount(asset.childCount ?? 0)],
    ['Dimensions', file ? dimensions(asset.width, asset.height) : null],
    ['Duration', asset.media?.durationSec !== undefined ? formatDuration(asset.media.durationSec) : null],
    ['Codec', asset.media?.codec ?? null],
    ['Frame rate', asset.media?.frameRate !== undefined ? `${asset.media.frameRate} fps` : null],
    ['Pages', asset.media?.pages !== undefined ? String(asset.media.pages) : null],
    ['Owner', owner],
    ['Created', formatDateTime(asset.createdAt)],
    ['Modified', formatDateTime(asset.updatedAt)],
    // Only restricted users have a level that differs by asset; others may do everything.
    ['Your access', restricted ? `${LEVEL_LABELS[asset.level]}${asset.access === 'collection' ? ' (through a media collection)' : ''}` : null],
  ]
  return (
    <Section title="Properties">
      <dl className="props">
        {rows
          .filter((r): r is [string, string] => r[1] !== null)
          .map(([term, value]) => (
            <div key={term} className="props-row">
              <dt>{term}</dt>
              <dd title={value}>{value}</dd>
            </div>
          ))}
      </dl>
    </Section>
  )
}
