/**
 * @module Adds an objective (title, level, owner, team, alignment, origin) or edits the fields
 * that are not co-typed in place. Once the cycle is published only owner, team and status change.
 * An existing objective's dialog also holds its conversation.
 */
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { createObjective, deleteObjective, updateObjective } from '../../../shared/doc/index.ts'
import { CycleStatus } from '../../../shared/model/index.ts'
import type { Cycle, Objective, ObjectiveLevel, ObjectiveStatus, Origin } from '../../../shared/model/index.ts'
import { Button } from '../../ui/Button.tsx'
import { Dialog } from '../../ui/Dialog.tsx'
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx'
import { AlignmentPicker, decodeAlignment, encodeAlignment } from './AlignmentPicker.tsx'
import { LEVEL_LABEL, ORIGIN_LABEL, STATUS_LABEL } from '../../format/labels.ts'
import { useCommand } from '../../app/index.ts'
import { usePeople, useTeams } from './useOkrData.ts'
import { ActivityDetails } from '../activity/index.ts'
import { Thread } from '../comments/index.ts'

export interface ObjectiveDialogProps {
  readonly cycle: Cycle
  /** The objective to edit; null to add one. */
  readonly objective: Objective | null
  readonly onClose: () => void
}

export function ObjectiveDialog({ cycle, objective, onClose }: ObjectiveDialogProps) {
  const people = usePeople()
  const teams = useTeams()
  const { run, error } = useCommand()
  const formId = useId()
  const fixed = cycle.status !== CycleStatus.Draft
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [level, setLevel] = useState<ObjectiveLevel>(objective?.level ?? 'team')
  const [ownerId, setOwnerId] = useState<string>(objective?.ownerId ?? '')
  const [teamId, setTeamId] = useState<string>(objective?.teamId ?? '')
  const [alignment, setAlignment] = useState(encodeAlignment(objective?.alignment ?? null))
  const [origin, setOrigin] = useState<Origin>(objective?.origin ?? 'bottom-up')
  const [status, setStatus] = useState<ObjectiveStatus>(objective?.status ?? 'active')

  const save = (e: FormEvent) => {
    e.preventDefault()
    const who = { ownerId: ownerId || null, teamId: teamId || null }
    const plan = { level, alignment: decodeAlignment(alignment), origin }
    const ok = objective
      ? run((s) => updateObjective(s, objective.id, fixed ? { ...who, status } : { ...who, ...plan, status }))
      : run((s) => createObjective(s, { cycleId: cycle.id, title, description, ...who, ...plan }))
    if (ok) onClose()
  }
  const remove = () => {
    if (objective && run((s) => deleteObjective(s, objective.id))) onClose()
  }

  return (
    <Dialog
      title={objective ? 'Objective settings' : 'Add objective'}
      open
      onClose={onClose}
      footer={
        <>
          {objective && !fixed && (
            <Button variant="danger" onClick={remove} className="dialog__left">
              Delete objective
            </Button>
          )}
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form={formId}>
            {objective ? 'Save objective' : 'Add objective'}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={save} className="objective-form">
        {!objective && (
          <>
            <TextField label="Objective" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Qualitative and inspiring: where do we want to be?" autoFocus required />
            <TextArea label="Description" value={description} onChange={(e) => setDescription(e.target.value)} placeholder="Why it matters now (optional)" />
          </>
        )}
        {fixed && <p className="form-note">The cycle is published: the objective itself is fixed; owner, team and status may still change.</p>}
        <div className="form-row">
          <SelectField label="Level" value={level} disabled={fixed} onChange={(e) => setLevel(e.target.value as ObjectiveLevel)}>
            {(Object.keys(LEVEL_LABEL) as ObjectiveLevel[]).map((l) => (
              <option key={l} value={l}>{LEVEL_LABEL[l]}</option>
            ))}
          </SelectField>
          <SelectField label="Origin" value={origin} disabled={fixed} onChange={(e) => setOrigin(e.target.value as Origin)} hint="About 60% should come bottom-up.">
            {(Object.keys(ORIGIN_LABEL) as Origin[]).map((o) => (
              <option key={o} value={o}>{ORIGIN_LABEL[o]}</option>
            ))}
          </SelectField>
        </div>
        <div className="form-row">
          <SelectField label="Owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            <option value="">No owner</option>
            {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </SelectField>
          <SelectField label="Team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">No team</option>
            {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </SelectField>
        </div>
        <AlignmentPicker cycleId={cycle.id} self={objective?.id ?? null} value={alignment} disabled={fixed} onChange={setAlignment} />
        {objective && (
          <SelectField label="Status" value={status} onChange={(e) => setStatus(e.target.value as ObjectiveStatus)}>
            {(Object.keys(STATUS_LABEL) as ObjectiveStatus[]).map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
          </SelectField>
        )}
        {error && <p className="form-error" role="alert">{error}</p>}
      </form>
      {objective && <ActivityDetails target={objective.id} label="Activity of this objective" empty="Nothing on record yet: edits and status changes show here." />}
      {objective && (
        <section className="objective-thread" aria-labelledby={`${formId}-comments`}>
          <h3 id={`${formId}-comments`} className="objective-thread__title">
            Comments
          </h3>
          <Thread target={{ kind: 'objective', id: objective.id }} label={objective.title} />
        </section>
      )}
    </Dialog>
  )
}
