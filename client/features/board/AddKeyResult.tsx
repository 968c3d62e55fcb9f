/**
 * @module "+ Add key result" under an objective; the form (title, kind, measure fields, weight)
 * loads when first opened, so the board's first load does not carry it.
 */
import { lazy, Suspense, useState } from 'react'
import type { ObjectiveId } from '../../../shared/model/index.ts'
import { Button } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'

const AddKeyResultForm = lazy(() => import('./AddKeyResultForm.tsx').then((m) => ({ default: m.AddKeyResultForm })))

export function AddKeyResult({ objectiveId, objectiveTitle }: { objectiveId: ObjectiveId; objectiveTitle: string }) {
  const [open, setOpen] = useState(false)
  const button = (
    <div className="objective-foot">
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)} aria-label={`Add key result to ${objectiveTitle}`}>
        <Icon name="plus" size={14} /> Add key result
      </Button>
    </div>
  )
  if (!open) return button
  return (
    <Suspense fallback={button}>
      <AddKeyResultForm objectiveId={objectiveId} objectiveTitle={objectiveTitle} onClose={() => setOpen(false)} />
    </Suspense>
  )
}
