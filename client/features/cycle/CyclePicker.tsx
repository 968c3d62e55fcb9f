/** @module Which cycle is in view, its status, and (for editors) what can happen to it next. */
import { useCallback } from 'react'
import type { Cycle, CycleId, CycleStatus, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { useCycle } from '../../hooks/useCycle.ts'
import { sameItems, useSnapshot } from '../../hooks/useSnapshot.ts'
import { useView } from '../../hooks/useView.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Badge } from '../../ui/Badge.tsx'
import type { Tone } from '../../ui/Badge.tsx'
import { CompactSelect } from '../../ui/CompactSelect.tsx'
import { CycleActions } from './CycleActions.tsx'

const STATUS: Readonly<Record<CycleStatus, { label: string; tone: Tone; hint: string }>> = {
  draft: { label: 'Draft', tone: 'accent', hint: 'Being drafted: objectives and key results can still change freely' },
  published: { label: 'Published', tone: 'ok', hint: 'Running: objectives are fixed, key-result changes need a reason' },
  closed: { label: 'Closed', tone: 'neutral', hint: 'Finished: only scores and comments change now; an owner can reopen it' },
}

/** Newest first, so the select opens on what people look at most. */
const selectCycles = (snap: WorkspaceSnapshot): Cycle[] =>
  [...snap.cycles.values()].sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : a.name.localeCompare(b.name)))

export function CyclePicker() {
  const { canEdit, role } = useWorkspace()
  const { setCycle } = useView()
  const cycle = useCycle()
  const cycles = useSnapshot(useCallback(selectCycles, []), sameItems)
  const status = cycle ? STATUS[cycle.status] : null
  return (
    <div className="cycle-picker">
      <CompactSelect label="Cycle" value={cycle?.id ?? ''} onChange={(e) => setCycle((e.target.value || null) as CycleId | null)} disabled={cycles.length === 0}>
        {cycles.length === 0 && <option value="">No cycles yet</option>}
        {cycles.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </CompactSelect>
      {status && (
        <Badge tone={status.tone} title={status.hint}>
          {status.label}
        </Badge>
      )}
      {canEdit && <CycleActions cycle={cycle} cycles={cycles} owner={role === 'owner'} onCreated={setCycle} />}
    </div>
  )
}
