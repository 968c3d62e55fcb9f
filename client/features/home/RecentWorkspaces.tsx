/** @module The workspaces opened in this browser, newest first, each one click away. */
import { useState } from 'react'
import { Badge } from '../../ui/Badge.tsx'
import { IconButton } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { forgetWorkspace, listKnownWorkspaces, navigate } from '../../app/index.ts'

const ROLE_LABEL = { owner: 'Owner', editor: 'Editor', viewer: 'Viewer' } as const

function when(ms: number): string {
  return new Date(ms).toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' })
}

export function RecentWorkspaces() {
  const [list, setList] = useState(listKnownWorkspaces)
  return (
    <section className="sheet home-card" aria-labelledby="recent-title">
      <h2 id="recent-title" className="sheet__title">
        Your workspaces
      </h2>
      {list.length === 0 ? (
        <p className="shell-muted">Workspaces you open or create in this browser show up here.</p>
      ) : (
        <ul className="recent-list">
          {list.map((w) => (
            <li key={w.id} className="recent-list__item">
              {/* The href carries no token: the workspace page finds it in this browser's storage. */}
              <a
                className="recent-list__link"
                href={`/w/${encodeURIComponent(w.id)}`}
                onClick={(event) => {
                  event.preventDefault()
                  navigate(`/w/${encodeURIComponent(w.id)}`)
                }}
              >
                <span className="recent-list__name">{w.name}</span>
                <span className="recent-list__meta">Opened {when(w.openedAt)}</span>
              </a>
              <Badge tone={w.role === 'viewer' ? 'neutral' : 'accent'}>{ROLE_LABEL[w.role]}</Badge>
              <IconButton
                label={`Forget ${w.name}`}
                title="Remove from this list (the workspace itself stays)"
                size="sm"
                icon={<Icon name="close" />}
                onClick={() => {
                  forgetWorkspace(w.id)
                  setList(listKnownWorkspaces())
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
