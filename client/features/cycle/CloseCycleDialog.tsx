/** @module "Close cycle?" confirmed: the top bar's cycle actions and the review meeting's last item ask the same way. */
import { closeCycle } from '../../../shared/doc/index.ts'
import type { Cycle } from '../../../shared/model/index.ts'
import { useCommand } from '../../app/index.ts'
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx'

export function CloseCycleDialog({ cycle, open, onDone }: { cycle: Cycle; open: boolean; onDone: () => void }) {
  const { run, error, clearError } = useCommand()
  const cancel = () => {
    clearError()
    onDone()
  }
  return (
    <ConfirmDialog open={open} title={`Close ${cycle.name}?`} confirmLabel="Close cycle" danger onConfirm={() => run((s) => closeCycle(s, cycle.id)) && onDone()} onCancel={cancel}>
      <p>
        Closing ends the cycle: after this only scores and comments can change; cards, key results and check-ins stay as
        they are. Do it at the review meeting. You can reopen it later, saying why.
      </p>
      {error && <p role="alert" className="shell-error">{error}</p>}
    </ConfirmDialog>
  )
}
