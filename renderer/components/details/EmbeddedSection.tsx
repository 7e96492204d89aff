import type { EmbeddedMetadata } from '../../../shared/domain.js'
import { formatTaken } from '../labels.js'
import { Section } from './Section.js'
import { AllMetadata } from './AllMetadata.js'

function location(gps: EmbeddedMetadata['gps']): string | null {
  if (!gps) return null
  const lat = `${Math.abs(gps.latitude).toFixed(5)}° ${gps.latitude >= 0 ? 'N' : 'S'}`
  const lon = `${Math.abs(gps.longitude).toFixed(5)}° ${gps.longitude >= 0 ? 'E' : 'W'}`
  return `${lat}, ${lon}`
}

function taken(iso: string | undefined): string | null {
  return iso ? formatTaken(iso) : null
}

/**
 * What the camera and the file itself say (EXIF, IPTC, XMP): read-only, as it came in, with
 * every field read one click away.
 */
export function EmbeddedSection({ embedded, fileId }: { embedded: EmbeddedMetadata; fileId: string }) {
  const rows: Array<[string, string | null | undefined]> = [
    ['Title', embedded.title],
    ['Caption', embedded.caption],
    ['Camera', embedded.camera],
    ['Lens', embedded.lens],
    ['Taken', taken(embedded.takenAt)],
    ['Exposure', embedded.exposure],
    ['Location', location(embedded.gps)],
    ['Keywords', embedded.keywords?.length ? embedded.keywords.join(', ') : null],
    ['Copyright', embedded.copyright],
  ]
  const shown = rows.filter((r): r is [string, string] => !!r[1])
  return (
    <Section title="Embedded metadata">
      {shown.length > 0 && (
        <dl className="props">
          {shown.map(([term, value]) => (
            <div key={term} className="props-row">
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <AllMetadata fileId={fileId} />
    </Section>
  )
}
