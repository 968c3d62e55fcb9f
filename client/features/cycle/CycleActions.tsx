/**
 * @module Publish, close or reopen the cycle in view (each confirmed first; reopening asks why), and
 * start a new one. Publish, close and reopen are the owner's: editors only get "New cycle" (the
 * server refuses the others from an editor's link anyway).
 */
import { Suspense, lazy, useState } from 'react'
import { publishCycle } from '../../../shared/doc/index.ts'
import { CycleStatus } from '../../../shared/model/index.ts'
import type { Cycle, CycleId } from '../../../shared/model/index.ts'
import { Button } from '../../ui/Button.tsx'
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { CloseCycleDialog } from './CloseCycleDialog.tsx'
import { ReopenCycleDialog } from './ReopenCycleDialog.tsx'
import { useCommand } from '../../app/index.ts'

const NewCycleDialog = lazy(() => import('./NewCycleDialog.tsx').then((m) => ({ default: m.NewCycleDialog })))

type Asking = 'publish' | 'close' | 'reopen' | 'new' | null

export interface CycleActionsProps {
  readonly cycle: Cycle | null
  readonly cycles: readonly Cycle[]
  /** Whether I hold the owner link: only owners publish, close and reopen. */
  readonly owner: boolean
  readonly onCreated: (id: CycleId) => void
}

export function CycleActions({ cycle, cycles, owner, onCreated }: CycleActionsProps) {
  const [asking, setAsking] = useState<Asking>(null)
  const { run, error, clearError } = useCommand()
  const cancel = () => {
    clearError()
    setAsking(null)
  }
  const confirm = (fn: typeof publishCycle) => {
    if (cycle && run((s) => fn(s, cycle.id))) setAsking(null)
  }
  return (
    <>
      {owner && cycle?.status === CycleStatus.Draft && (
        <Button size="sm" variant="primary" onClick={() => setAsking('publish')}>
          Publish cycle
        </Button>
      )}
      {owner && cycle?.status === CycleStatus.Published && (
        <Button size="sm" onClick={() => setAsking('close')}>
          Close cycle
        </Button>
      )}
      {owner && cycle?.status === CycleStatus.Closed && (
        <Button size="sm" onClick={() => setAsking('reopen')}>
          Reopen cycle
        </Button>
      )}
      <Button size="sm" variant="ghost" onClick={() => setAsking('new')}>
        <Icon name="plus" />
        New cycle
      </Button>
      {cycle && (
        <ConfirmDialog open={asking === 'publish'} title={`Publish ${cycle.name}?`} confirmLabel="Publish cycle" onConfirm={() => confirm(publishCycle)} onCancel={cancel}>
          <p>
            Publishing starts the cycle for everyone: its objectives become fixed, and changes to key results will ask
            for a reason that is logged.
          </p>
          {error && <p role="alert" className="shell-error">{error}</p>}
        </ConfirmDialog>
      )}
      {cycle && <CloseCycleDialog cycle={cycle} open={asking === 'close'} onDone={() => setAsking(null)} />}
      {cycle && asking === 'reopen' && <ReopenCycleDialog cycle={cycle} onDone={cancel} />}
      {asking === 'new' && (
        <Suspense fallback={null}>
          <NewCycleDialog
            cycles={cycles}
            onCancel={cancel}
            onCreated={(id) => {
              setAsking(null)
              onCreated(id)
            }}
          />
        </Suspense>
      )}
    </>
  )
}
