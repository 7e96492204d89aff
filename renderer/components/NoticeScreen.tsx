import type { ReactNode } from 'react'
import { LogoMark } from './icons.js'

/** A whole-window message: loading, not connected, or main could not be reached. */
export function NoticeScreen({ title, children, busy }: { title: string; children?: ReactNode; busy?: boolean }) {
  return (
    <main className="screen" aria-busy={busy || undefined}>
      <section className="screen-card" role={busy ? 'status' : undefined} aria-labelledby="notice-title">
        <LogoMark size={32} />
        <h1 id="notice-title">{title}</h1>
        {children}
      </section>
    </main>
  )
}
