/** @module Small labelled pills: severities, score bands, counts. */
import type { ReactNode } from 'react'

export type Tone = 'neutral' | 'info' | 'warning' | 'critical' | 'ok' | 'accent'

export function Badge({ tone = 'neutral', children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge${tone === 'neutral' ? '' : ` badge--${tone}`}`} title={title}>
      {children}
    </span>
  )
}
