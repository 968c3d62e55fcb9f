/** @module A titled section of the key-result panel, with an optional count beside its title. */
import { useId } from 'react'
import type { ReactNode } from 'react'

export function PanelSection({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  const id = useId()
  return (
    <section className="krp-section" aria-labelledby={id}>
      <h3 id={id} className="krp-section__title">
        {title}
        {count !== undefined && count > 0 && <span className="krp-section__count">{count}</span>}
      </h3>
      {children}
    </section>
  )
}
