/** @module Composition root: picks the page from the URL (no router package: two routes are enough). */
import { Button } from './ui/Button.tsx'
import { HomePage } from './features/home/HomePage.tsx'
import { ProblemPage } from './features/shell/ProblemPage.tsx'
import { WorkspacePage } from './features/shell/WorkspacePage.tsx'
import { navigate, useRoute } from './features/shell/route.ts'

export function App() {
  const route = useRoute()
  switch (route.page) {
    case 'home':
      return <HomePage />
    case 'workspace':
      // Keyed: another workspace is a fresh page, not a re-render of the old one.
      return <WorkspacePage key={route.workspaceId} workspaceId={route.workspaceId} />
    case 'not-found':
      return (
        <ProblemPage title="No such page" actions={<Button variant="primary" onClick={() => navigate('/')}>Go to Roundtable home</Button>}>
          <p>Workspace links look like <code>/w/…#token=…</code>. Check the link you were given.</p>
        </ProblemPage>
      )
  }
}
