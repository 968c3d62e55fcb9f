/** @module Team, owner and level filters, kept in the view state so every view applies the same ones. */
import { useCallback } from 'react'
import type { ObjectiveLevel, Person, PersonId, Team, TeamId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { sameItems, useSnapshot } from '../../hooks/useSnapshot.ts'
import { useView } from '../../hooks/useView.ts'
import { Button } from '../../ui/Button.tsx'
import { CompactSelect } from '../../ui/CompactSelect.tsx'

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name)
const selectTeams = (snap: WorkspaceSnapshot): Team[] => [...snap.teams.values()].sort(byName)
const selectPeople = (snap: WorkspaceSnapshot): Person[] => [...snap.people.values()].sort(byName)

const LEVELS: ReadonlyArray<{ value: ObjectiveLevel; label: string }> = [
  { value: 'company', label: 'Company' },
  { value: 'team', label: 'Team' },
  { value: 'individual', label: 'Individual' },
]

export function FilterBar() {
  const { filters, setFilters } = useView()
  const teams = useSnapshot(useCallback(selectTeams, []), sameItems)
  const people = useSnapshot(useCallback(selectPeople, []), sameItems)
  const active = filters.teamId !== null || filters.ownerId !== null || filters.level !== null
  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      <CompactSelect label="Team" value={filters.teamId ?? ''} onChange={(e) => setFilters({ teamId: (e.target.value || null) as TeamId | null })}>
        <option value="">All teams</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </CompactSelect>
      <CompactSelect label="Owner" value={filters.ownerId ?? ''} onChange={(e) => setFilters({ ownerId: (e.target.value || null) as PersonId | null })}>
        <option value="">Anyone</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </CompactSelect>
      <CompactSelect label="Level" value={filters.level ?? ''} onChange={(e) => setFilters({ level: (e.target.value || null) as ObjectiveLevel | null })}>
        <option value="">All levels</option>
        {LEVELS.map((l) => (
          <option key={l.value} value={l.value}>
            {l.label}
          </option>
        ))}
      </CompactSelect>
      {active && (
        <Button size="sm" variant="ghost" onClick={() => setFilters({ teamId: null, ownerId: null, level: null })}>
          Clear filters
        </Button>
      )}
    </div>
  )
}
