/** @module The page for a link the server refuses (revoked, mistyped, or for a deleted workspace). */
import { Button } from '../ui/Button.tsx'
import { navigate } from './route.ts'
import { ProblemPage } from './ProblemPage.tsx'

export function DeniedPage({ reason }: { reason: 'missing' | 'refused' }) {
  return (
    <ProblemPage
      title={reason === 'missing' ? 'This link is incomplete' : "Can't open this workspace"}
      actions={
        <Button variant="primary" onClick={() => navigate('/')}>
          Go to Roundtable home
        </Button>
      }
    >
      {reason === 'missing' ? (
        <p>
          The link has no access token (the part after <code>#token=</code>). Links to a view, a key result or a card
          never carry one: open the workspace link you were given once in this browser, then this link opens too. Or ask
          the workspace owner for a new link.
        </p>
      ) : (
        <p>This link is invalid or was revoked — ask the workspace owner for a new link.</p>
      )}
    </ProblemPage>
  )
}
