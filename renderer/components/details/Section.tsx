import { useId, type ReactNode } from 'react'

/** A titled part of the details panel, a region a screen reader can jump to. */
export function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  const id = useId()
  return (
    <section className="details-section" aria-labelledby={id}>
      <div className="details-section-head">
        <h3 id={id} className="details-section-title">
          {title}
        </h3>
        {action}
      </div>
      {children}
    </section>
  )
}
