import { useEffect, useState } from 'react'
import type { AssetView } from '../../../shared/views.js'
import { pageUrl } from '../../store/platform.js'

/**
 * A PDF in the viewer, a page at a time: each page is drawn by main as a picture at the
 * preview's size (`/page/<id>?p=N`, docs/media.md), so the renderer runs no PDF code of its
 * own. Previous and next page by the buttons or Page Up and Page Down, the first and last by
 * Home and End; Left and Right still go to the neighbouring files. A PDF whose page count was
 * not read shows its first page only.
 */
export function PdfViewer({ asset }: { asset: AssetView }) {
  const pages = asset.media?.pages ?? 1
  const [page, setPage] = useState(1)
  const [broken, setBroken] = useState<number | null>(null)
  const go = (to: number) => setPage(Math.min(Math.max(to, 1), pages))

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return
      const target = e.target as HTMLElement | null
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return
      if (e.key === 'PageDown') setPage((p) => Math.min(p + 1, pages))
      else if (e.key === 'PageUp') setPage((p) => Math.max(p - 1, 1))
      else if (e.key === 'Home') setPage(1)
      else if (e.key === 'End') setPage(pages)
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [pages])

  return (
    <div className="viewer-image viewer-pdf">
      <div className="viewer-image-box viewer-page-box" data-testid="viewer-stage">
        {broken === page ? (
          <p className="viewer-note">Page {page} could not be drawn; the other pages may still show.</p>
        ) : (
          <img
            key={page}
            className="viewer-page"
            src={pageUrl(asset.id, page, asset.currentVersion)}
            alt={`${asset.name}, page ${page} of ${pages}`}
            draggable={false}
            onError={() => setBroken(page)}
          />
        )}
      </div>
      {pages > 1 && (
        <div className="viewer-zoom" role="group" aria-label="Pages">
          <button type="button" className="icon-button" aria-label="Previous page" disabled={page <= 1} onClick={() => go(page - 1)}>
            ‹
          </button>
          <output className="viewer-page-number" aria-label="Page" aria-live="polite">
            Page {page.toLocaleString()} of {pages.toLocaleString()}
          </output>
          <button type="button" className="icon-button" aria-label="Next page" disabled={page >= pages} onClick={() => go(page + 1)}>
            ›
          </button>
        </div>
      )}
    </div>
  )
}
