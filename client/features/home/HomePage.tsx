/** @module `/`: what Roundtable is, a form to create a workspace, and the workspaces opened here before. */
import { useEffect } from 'react'
import { Logo } from '../../ui/Logo.tsx'
import { ThemeToggle } from '../../app/index.ts'
import { CreateWorkspace } from './CreateWorkspace.tsx'
import { RecentWorkspaces } from './RecentWorkspaces.tsx'
import '../../ui/pages.css'
import './home.css'

export function HomePage() {
  useEffect(() => {
    document.title = 'Roundtable'
  }, [])
  return (
    <div className="home">
      <header className="home__header">
        <h1 className="home__brand">
          <Logo size={26} />
          Roundtable
        </h1>
        <ThemeToggle />
      </header>
      <main className="home__main">
        <section className="home__hero" aria-label="What Roundtable is">
          <p className="home__title">OKRs your team writes together, and a board that shows which ones have stalled.</p>
          <p className="home__lead">
            Draft objectives and key results live in one shared link, move the tasks behind each key result across a
            kanban board, check in weekly — and see at a glance what stopped moving.
          </p>
        </section>
        <div className="home__grid">
          <CreateWorkspace />
          <RecentWorkspaces />
        </div>
      </main>
    </div>
  )
}
