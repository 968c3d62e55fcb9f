/**
 * @module "+ Add objective" for a draft cycle: title, level, team, owner, and whether it came
 * top-down or bottom-up. Objectives are fixed once published; the command says so if tried.
 */
import { useState } from 'react'
import { createObjective } from '../../../shared/doc/index.ts'
import { ObjectiveLevel, Origin } from '../../../shared/model/index.ts'
import type { PersonId, TeamId } from '../../../shared/model/index.ts'
import { useSnapshot, sameItems } from '../../hooks/useSnapshot.ts'
import { Button } from '../../ui/Button.tsx'
import { SelectField, TextField } from '../../ui/Field.tsx'
import { useBoard } from './BoardContext.ts'
import { InlineAlert } from './InlineAlert.tsx'
import { useCommand } from '../../app/index.ts'

export function AddObjective({ onDone }: { onDone: () => void }) {
  const { ws, cycle, people } = useBoard()
  const teams = useSnapshot((s) => [...s.teams.values()].sort((a, b) => a.name.localeCompare(b.name)), sameItems)
  const [title, setTitle] = useState('')
  const [level, setLevel] = useState<ObjectiveLevel>(ObjectiveLevel.Team)
  const [teamId, setTeamId] = useState('')
  const [ownerId, setOwnerId] = useState('')
  const [origin, setOrigin] = useState<Origin>(Origin.BottomUp)
  const { error, run, clearError } = useCommand()

  const submit = () => {
    const input = {
      cycleId: cycle.id,
      title,
      level,
      origin,
      teamId: (teamId || null) as TeamId | null,
      ownerId: (ownerId || null) as PersonId | null,
    }
    if (run(() => createObjective(ws.session, input))) onDone()
  }
  return (
    <form
      className="inline-form board-panel"
      aria-label={`New objective in ${cycle.name}`}
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <div className="inline-form__row">
        <div className="inline-form__grow">
          <TextField label="Objective" value={title} autoFocus placeholder="What do we want to achieve?" onChange={(e) => setTitle(e.target.value)} />
        </div>
        <SelectField label="Level" value={level} onChange={(e) => setLevel(e.target.value as ObjectiveLevel)}>
          <option value="company">Company</option>
          <option value="team">Team</option>
          <option value="individual">Individual</option>
        </SelectField>
        <SelectField label="Team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
          <option value="">No team</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
          <option value="">Nobody yet</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Came" value={origin} onChange={(e) => setOrigin(e.target.value as Origin)}>
          <option value="bottom-up">Bottom-up</option>
          <option value="top-down">Top-down</option>
        </SelectField>
      </div>
      <InlineAlert message={error} onDismiss={clearError} />
      <div className="inline-form__actions">
        <Button variant="primary" size="sm" type="submit">
          Add objective
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  )
}
