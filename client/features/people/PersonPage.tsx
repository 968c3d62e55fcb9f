/**
 * @module A person's page (`/w/:id/people/:personId`), read-only: who they are, the objectives and
 * key results they own and the open cards assigned to them in the cycle in view, the praise they
 * received and gave, and what they did lately (the activity log).
 */
import { useCallback } from 'react'
import { ColumnKind } from '../../../shared/model/index.ts'
import type { PersonId, Praise, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { formatDate } from '../../format/dates.ts'
import { useCycle } from '../../hooks/useCycle.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useView } from '../../hooks/useView.ts'
import { colorFor } from '../../sync/identity.ts'
import { Avatar } from '../../ui/Avatar.tsx'
import { Button } from '../../ui/Button.tsx'
import { ActivityList } from '../activity/index.ts'
import { PersonLink } from './PersonLink.tsx'
import './people.css'

const whole = (s: WorkspaceSnapshot) => s
const newestFirst = (a: Praise, b: Praise) => b.at - a.at

export function PersonPage() {
  const { personId } = useView()
  const person = useSnapshot(useCallback((s: WorkspaceSnapshot) => (personId === null ? undefined : s.people.get(personId)), [personId]))
  if (personId === null || person === undefined) {
    return (
      <section className="person-page" aria-labelledby="person-title">
        <h1 id="person-title">No such person</h1>
        <p className="person-page__none">This workspace has no one by that link: they may have been removed.</p>
      </section>
    )
  }
  return <PersonBody key={personId} personId={personId} name={person.name} teamId={person.teamId} />
}

function PersonBody({ personId, name, teamId }: { personId: PersonId; name: string; teamId: string | null }) {
  const snap = useSnapshot(whole)
  const cycle = useCycle()
  const { focus, openKeyResult, setFilters, setView } = useView()
  const team = teamId === null ? undefined : snap.teams.get(teamId as never)
  const objectives = [...snap.objectives.values()].filter((o) => o.ownerId === personId && o.cycleId === cycle?.id)
  const cycleObjectives = new Set([...snap.objectives.values()].filter((o) => o.cycleId === cycle?.id).map((o) => o.id))
  const keyResults = [...snap.keyResults.values()].filter((kr) => kr.ownerId === personId && cycleObjectives.has(kr.objectiveId))
  const tasks = [...snap.tasks.values()].filter(
    (t) => t.assigneeId === personId && t.cycleId === cycle?.id && snap.columns.get(t.placement.columnId)?.kind !== ColumnKind.Done,
  )
  const praise = [...snap.praise.values()]
  const received = praise.filter((p) => p.toPersonId === personId).sort(newestFirst)
  const given = praise.filter((p) => p.fromPersonId === personId).sort(newestFirst)
  const cycleName = cycle === null ? '' : ` in ${cycle.name}`
  return (
    <section className="person-page" aria-labelledby="person-title">
      <header className="person-page__header">
        <Avatar name={name} color={colorFor(name)} />
        <div className="person-page__titles">
          <h1 id="person-title">{name}</h1>
          {team && <p className="person-page__team">{team.name}</p>}
        </div>
        <Button
          size="sm"
          onClick={() => {
            setFilters({ ownerId: personId })
            setView('board')
          }}
        >
          Their work on the board
        </Button>
      </header>
      <div className="person-page__grid">
        <section className="person-page__card" aria-labelledby="person-okrs">
          <h2 id="person-okrs">Objectives and key results{cycleName}</h2>
          {objectives.length === 0 && keyResults.length === 0 && <p className="person-page__none">They own no objective or key result{cycleName}.</p>}
          <ul className="person-page__list">
            {objectives.map((o) => (
              <li key={o.id}>
                <span className="person-page__kind">Objective</span> {o.title || 'Untitled'}
              </li>
            ))}
            {keyResults.map((kr) => (
              <li key={kr.id}>
                <span className="person-page__kind">Key result</span>{' '}
                <button
                  type="button"
                  className="person-page__open"
                  onClick={() => {
                    focus({ keyResultId: kr.id })
                    openKeyResult(kr.id)
                  }}
                >
                  {kr.title || 'Untitled'}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className="person-page__card" aria-labelledby="person-tasks">
          <h2 id="person-tasks">Open tasks{cycleName}</h2>
          {tasks.length === 0 && <p className="person-page__none">No open task is assigned to them{cycleName}.</p>}
          <ul className="person-page__list">
            {tasks.map((t) => (
              <li key={t.id}>
                <button type="button" className="person-page__open" onClick={() => focus({ taskId: t.id })}>
                  {t.title || 'Untitled'}
                </button>{' '}
                <span className="person-page__where">{snap.columns.get(t.placement.columnId)?.name}</span>
              </li>
            ))}
          </ul>
        </section>
        <PraiseList id="person-praise-received" title="Praise received" praise={received} other={(p) => p.fromPersonId} verb="from" none="No one has thanked them yet." />
        <PraiseList id="person-praise-given" title="Praise given" praise={given} other={(p) => p.toPersonId} verb="to" none="They have not thanked anyone yet." />
        <section className="person-page__card person-page__card--wide" aria-labelledby="person-activity">
          <h2 id="person-activity">Recent activity</h2>
          <ActivityList person={personId} label={`What ${name} did lately`} empty="Nothing they did is on record yet." />
        </section>
      </div>
    </section>
  )
}

function PraiseList(props: { id: string; title: string; praise: readonly Praise[]; other: (p: Praise) => PersonId | null; verb: string; none: string }) {
  const people = useSnapshot(useCallback((s: WorkspaceSnapshot) => s.people, []))
  return (
    <section className="person-page__card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.praise.length === 0 && <p className="person-page__none">{props.none}</p>}
      <ul className="person-page__praise">
        {props.praise.map((p) => {
          const otherId = props.other(p)
          const other = otherId === null ? undefined : people.get(otherId)
          return (
            <li key={p.id}>
              <p className="person-page__quote">“{p.text}”</p>
              <p className="person-page__byline">
                {props.verb}{' '}
                {other === undefined ? 'someone' : <PersonLink personId={otherId}>{other.name}</PersonLink>} ·{' '}
                <time dateTime={new Date(p.at).toISOString()}>{formatDate(p.at)}</time>
              </p>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
