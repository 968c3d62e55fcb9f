/** @module One panel of the dashboard: a heading, a chart, and a toggle to the same figures as a table. */
import { useState } from 'react'
import type { ReactNode } from 'react'

interface InsightSectionProps {
  readonly id: string
  readonly title: string
  /** One sentence that says what the chart shows. */
  readonly summary: ReactNode
  readonly chart: ReactNode
  readonly table: ReactNode
}

export function InsightSection({ id, title, summary, chart, table }: InsightSectionProps) {
  const [asTable, setAsTable] = useState(false)
  return (
    <section className="ins-section" aria-labelledby={id}>
      <header className="ins-section__head">
        <h2 id={id}>{title}</h2>
        <button type="button" className="ins-toggle" aria-pressed={asTable} onClick={() => setAsTable((t) => !t)}>
          Table
        </button>
      </header>
      <p className="ins-section__summary">{summary}</p>
      {asTable ? <div className="ins-table-wrap">{table}</div> : chart}
    </section>
  )
}
