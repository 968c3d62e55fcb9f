/**
 * @module Composition root: picks the page from the URL (no router package: two routes are enough).
 * Each page is its own chunk: the home page never downloads Yjs, the board never the home page.
 */
import { Suspense, lazy } from 'react'
import { Button } from '../ui/Button.tsx'
import { LoadingPage } from './LoadingPage.tsx'
import { ProblemPage } from './ProblemPage.tsx'
import { navigate, useRoute } from './route.ts'

const HomePage = lazy(() => import('../features/home/HomePage.tsx').then((m) => ({ default: m.HomePage })))
/** The workspace page's chunk; main.tsx starts loading it before the first render on a workspace link. */
export const loadWorkspacePage = () => import('./WorkspacePage.tsx')
const WorkspacePage = lazy(() => loadWorkspacePage().then((m) => ({ default: m.WorkspacePage })))

export function App() {
  return (
    <Suspense fallback={<LoadingPage label="Loading Roundtable…" />}>
      <Page />
    </Suspense>
  )
}

function Page() {
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
