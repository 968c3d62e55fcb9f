/**
 * @module Publish or close the cycle in view (each confirmed first: neither can be undone by the
 * cycle's rules, only by Undo right away), and start a new one.
 */
import { useState } from 'react'
import { closeCycle, publishCycle } from '../../../shared/doc/index.ts'
import type { Cycle, CycleId } from '../../../shared/model/index.ts'
import { Button } from '../../ui/Button.tsx'
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { NewCycleDialog } from './NewCycleDialog.tsx'
import { useRunCommand } from './useRunCommand.ts'

type Asking = 'publish' | 'close' | 'new' | null

export function CycleActions({ cycle, cycles, onCreated }: { cycle: Cycle | null; cycles: readonly Cycle[]; onCreated: (id: CycleId) => void }) {
  const [asking, setAsking] = useState<Asking>(null)
  const { run, error, clearError } = useRunCommand()
  const cancel = () => {
    clearError()
    setAsking(null)
  }
  const confirm = (fn: typeof publishCycle) => {
    if (cycle && run((s) => fn(s, cycle.id))) setAsking(null)
  }
  return (
    <>
      {cycle?.status === 'draft' && (
        <Button size="sm" variant="primary" onClick={() => setAsking('publish')}>
          Publish cycle
        </Button>
      )}
      {cycle?.status === 'published' && (
        <Button size="sm" onClick={() => setAsking('close')}>
          Close cycle
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
      {cycle && (
        <ConfirmDialog open={asking === 'close'} title={`Close ${cycle.name}?`} confirmLabel="Close cycle" danger onConfirm={() => confirm(closeCycle)} onCancel={cancel}>
          <p>Closing ends the cycle: after this only scores and comments can change. Do it at the review meeting.</p>
          {error && <p role="alert" className="shell-error">{error}</p>}
        </ConfirmDialog>
      )}
      {asking === 'new' && (
        <NewCycleDialog
          cycles={cycles}
          onCancel={cancel}
          onCreated={(id) => {
            setAsking(null)
            onCreated(id)
          }}
        />
      )}
    </>
  )
}
