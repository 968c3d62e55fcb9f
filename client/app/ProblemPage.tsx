/** @module A whole page that says what went wrong and what to do, instead of an endless spinner. */
import type { ReactNode } from 'react'
import { Icon } from '../ui/Icon.tsx'
import type { IconName } from '../ui/Icon.tsx'
import '../ui/pages.css'

export interface ProblemPageProps {
  readonly title: string
  readonly icon?: IconName
  readonly children: ReactNode
  readonly actions?: ReactNode
}

export function ProblemPage({ title, icon = 'alert', children, actions }: ProblemPageProps) {
  return (
    <main className="centered-page">
      <section className="sheet problem" aria-labelledby="problem-title">
        <span className="problem__icon">
          <Icon name={icon} size={22} />
        </span>
        <h1 id="problem-title" className="sheet__title">
          {title}
        </h1>
        <div className="sheet__lead">{children}</div>
        {actions && <div className="problem__actions">{actions}</div>}
      </section>
    </main>
  )
}
